import type { EIPClaim } from '../../../src/k8s/eipclaim.js';
import { blockerOf } from '../../../src/lifecycle/static-choice.js';

function claim(name: string, createdAt: string, addresses: { named?: string; held?: string }): EIPClaim {
  return {
    apiVersion: 'podeip.io/v1alpha1',
    kind: 'EIPClaim',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, creationTimestamp: createdAt },
    spec: { provider: 'tencent', deletePolicy: 'Delete', ...(addresses.named ? { addressId: addresses.named } : {}) },
    ...(addresses.held ? { status: { addressId: addresses.held } } : {}),
  } as EIPClaim;
}

describe('blockerOf', () => {
  const early = '2026-11-22T01:00:00Z';
  const late = '2026-11-22T01:00:05Z';

  test('of two claims naming the address, the older blocks the newer and not the other way round', () => {
    const older = claim('b', early, { named: 'eip-1' });
    const newer = claim('a', late, { named: 'eip-1' });
    expect(blockerOf('eip-1', newer, [older, newer])).toBe(older);
    expect(blockerOf('eip-1', older, [older, newer])).toBeUndefined();
  });

  test('created in the same second, the first key blocks', () => {
    const first = claim('a', early, { named: 'eip-1' });
    const second = claim('b', early, { named: 'eip-1' });
    expect(blockerOf('eip-1', second, [first, second])).toBe(first);
    expect(blockerOf('eip-1', first, [first, second])).toBeUndefined();
  });

  test('a claim holding the address blocks even a claim older than itself', () => {
    const holder = claim('z', late, { named: 'eip-1', held: 'eip-1' });
    const older = claim('a', early, { named: 'eip-1' });
    expect(blockerOf('eip-1', older, [older, holder])).toBe(holder);
  });

  test('claims naming other addresses do not block', () => {
    const other = claim('a', early, { named: 'eip-2', held: 'eip-2' });
    const mine = claim('b', late, { named: 'eip-1' });
    expect(blockerOf('eip-1', mine, [other, mine])).toBeUndefined();
  });
});
