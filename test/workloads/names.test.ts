import { randomSuffixName, templateHash } from '../../hack/workloads/names.js';

describe('templateHash', () => {
  const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } };

  test('is stable, uses only the safe alphabet, and does not depend on key order or undefined fields', () => {
    const reordered = { spec: { containers: [{ image: 'nginx:1.27', name: 'app', command: undefined }] }, metadata: { labels: { app: 'web' } } };
    expect(templateHash(template)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
    expect(templateHash(reordered)).toBe(templateHash(template));
  });

  test('changes when the template changes', () => {
    const changed = { ...template, spec: { containers: [{ name: 'app', image: 'nginx:1.28' }] } };
    expect(templateHash(changed)).not.toBe(templateHash(template));
  });
});

describe('randomSuffixName', () => {
  test('appends five characters of the safe alphabet', () => {
    const picks = [0, 1, 2, 25, 26];
    expect(randomSuffixName('web-7d9f', () => picks.shift()!)).toBe('web-7d9f-bcd89');
  });
});
