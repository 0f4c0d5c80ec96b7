import { controllerKey, sameJson, splitKey, wireTime } from '../../hack/workloads/wire.js';

describe('wire helpers', () => {
  test('wireTime writes RFC 3339 with whole seconds', () => {
    expect(wireTime(new Date('2026-03-01T10:00:00.987Z'))).toBe('2026-03-01T10:00:00Z');
  });

  test('sameJson ignores key order, undefined fields and the form of a timestamp', () => {
    const fromList = { phase: 'Running', startTime: new Date('2026-03-01T10:00:00Z'), podIP: undefined };
    const fromWatch = { startTime: '2026-03-01T10:00:00.000Z', phase: 'Running' };
    expect(sameJson(fromList, fromWatch)).toBe(true);
    expect(sameJson(fromList, { ...fromWatch, phase: 'Pending' })).toBe(false);
    expect(sameJson({ conditions: [{ type: 'A' }, { type: 'B' }] }, { conditions: [{ type: 'B' }, { type: 'A' }] })).toBe(false);
  });

  test('controllerKey names the controlling owner of the given kind only', () => {
    const pod = {
      metadata: {
        namespace: 'shop',
        ownerReferences: [
          { apiVersion: 'v1', kind: 'ConfigMap', name: 'x', uid: '1' },
          { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db', uid: '2', controller: true },
        ],
      },
    };
    expect(controllerKey(pod, 'StatefulSet')).toBe('shop/db');
    expect(controllerKey(pod, 'ReplicaSet')).toBeUndefined();
    expect(splitKey('shop/db-0')).toEqual({ namespace: 'shop', name: 'db-0' });
  });
});
