import { humanDuration } from '../../hack/kube-apiserver/human-duration.js';
import { evaluateJsonPath } from '../../hack/kube-apiserver/json-path.js';
import { formatLabelSelector, parseLabelSelector } from '../../hack/kube-apiserver/label-selector.js';
import { mergePatch } from '../../hack/kube-apiserver/merge-patch.js';
import { strategicMerge } from '../../hack/kube-apiserver/strategic-merge-patch.js';

describe('strategic merge patch directives', () => {
  const pod = {
    metadata: { finalizers: ['a', 'b'] },
    spec: { containers: [{ name: 'app', image: 'x', ports: [{ containerPort: 80 }, { containerPort: 443 }] }], tolerations: [{ key: 'k' }] },
  };

  it('replaces a whole map with $patch: replace and a list with a replace item', () => {
    expect(strategicMerge(pod, { spec: { $patch: 'replace', containers: [{ name: 'new', image: 'y' }] } }).spec).toEqual({
      containers: [{ name: 'new', image: 'y' }],
    });
    const replaced = strategicMerge(pod, { spec: { containers: [{ $patch: 'replace' }, { name: 'only', image: 'z' }] } });
    expect(replaced.spec.containers).toEqual([{ name: 'only', image: 'z' }]);
  });

  it('deletes a map with $patch: delete and a list item by its merge key', () => {
    expect(strategicMerge(pod, { metadata: { $patch: 'delete' } }).metadata).toBeUndefined();
    const patched = strategicMerge(pod, { spec: { containers: [{ name: 'app', ports: [{ containerPort: 80, $patch: 'delete' }] }] } });
    expect(patched.spec.containers[0].ports).toEqual([{ containerPort: 443 }]);
  });

  it('unions finalizers, removes with $deleteFromPrimitiveList, and replaces lists without a merge key', () => {
    expect(strategicMerge(pod, { metadata: { finalizers: ['b', 'c'] } }).metadata.finalizers).toEqual(['a', 'b', 'c']);
    expect(strategicMerge(pod, { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] } }).metadata.finalizers).toEqual(['b']);
    expect(strategicMerge(pod, { spec: { tolerations: [{ key: 'other' }] } }).spec.tolerations).toEqual([{ key: 'other' }]);
  });

  it('leaves the original untouched', () => {
    strategicMerge(pod, { spec: { containers: [{ name: 'app', image: 'changed' }] } });
    expect(pod.spec.containers[0]!.image).toBe('x');
  });
});

describe('JSON merge patch', () => {
  it('merges maps, deletes on null and replaces everything else', () => {
    expect(mergePatch({ a: { b: 1, c: 2 }, d: [1] }, { a: { b: null, e: 3 }, d: [2] })).toEqual({ a: { c: 2, e: 3 }, d: [2] });
    expect(mergePatch({ a: 1 }, 'scalar')).toBe('scalar');
  });
});

describe('label selectors', () => {
  it('parses set expressions with spaces and rejects malformed terms', () => {
    expect(parseLabelSelector('env in ( prod , staging ),!canary')({ env: 'staging' })).toBe(true);
    expect(parseLabelSelector('env in ( prod , staging ),!canary')({ env: 'staging', canary: '' })).toBe(false);
    expect(() => parseLabelSelector('a b c')).toThrow('unable to parse requirement: a b c');
  });

  it('formats a LabelSelector object the way Scale.status.selector shows it', () => {
    const selector = { matchLabels: { app: 'db' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }, { key: 'x', operator: 'DoesNotExist' }] };
    expect(formatLabelSelector(selector)).toBe('app=db,tier in (a,b),!x');
  });
});

describe('printer column JSONPath', () => {
  const object = { metadata: { labels: { 'app.kubernetes.io/name': 'web' } }, status: { conditions: [{ type: 'Ready', status: 'True' }, { type: 'Bound', status: 'False' }] } };

  it('reads escaped keys, indexes, wildcards and filters', () => {
    expect(evaluateJsonPath(object, '.metadata.labels.app\\.kubernetes\\.io/name')).toEqual(['web']);
    expect(evaluateJsonPath(object, '.status.conditions[1].type')).toEqual(['Bound']);
    expect(evaluateJsonPath(object, '.status.conditions[*].status')).toEqual(['True', 'False']);
    expect(evaluateJsonPath(object, '.status.conditions[?(@.type=="Ready")].status')).toEqual(['True']);
    expect(evaluateJsonPath(object, '.spec.missing')).toEqual([]);
  });
});

describe('ages as kubectl prints them', () => {
  it.each([
    [59_000, '59s'],
    [119_000, '119s'],
    [150_000, '2m30s'],
    [600_000, '10m'],
    [3 * 3600_000 + 60_000, '3h1m'],
    [30 * 3600_000, '30h'],
    [50 * 3600_000, '2d2h'],
    [400 * 86400_000, '400d'],
    [3 * 365 * 86400_000, '3y'],
  ])('%d ms is %s', (milliseconds, text) => {
    expect(humanDuration(milliseconds)).toBe(text);
  });
});
