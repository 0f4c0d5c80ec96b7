import { mergeConditions, sameConditions } from '../../../src/lifecycle/conditions.js';

const T0 = new Date('2026-01-01T00:00:00Z');
const T1 = new Date('2026-01-01T00:05:00Z');

describe('claim conditions', () => {
  test('lastTransitionTime moves only when the status flips', () => {
    const first = mergeConditions(undefined, [{ type: 'Ready', status: 'False', reason: 'Binding', message: 'a' }], T0, 1);
    const sameStatus = mergeConditions(first, [{ type: 'Ready', status: 'False', reason: 'InvalidRequest', message: 'b' }], T1, 2);
    const flipped = mergeConditions(sameStatus, [{ type: 'Ready', status: 'True', reason: 'AddressBound', message: 'c' }], T1, 2);
    expect(first).toEqual([{ type: 'Ready', status: 'False', reason: 'Binding', message: 'a', lastTransitionTime: T0.toISOString(), observedGeneration: 1 }]);
    expect(sameStatus[0]).toEqual({ type: 'Ready', status: 'False', reason: 'InvalidRequest', message: 'b', lastTransitionTime: T0.toISOString(), observedGeneration: 2 });
    expect(flipped[0]!.lastTransitionTime).toBe(T1.toISOString());
  });

  test('other condition types are kept in place', () => {
    const start = mergeConditions(undefined, [
      { type: 'Allocated', status: 'True', reason: 'AddressAllocated', message: 'x' },
      { type: 'Ready', status: 'False', reason: 'Binding', message: 'y' },
    ], T0, undefined);
    const next = mergeConditions(start, [{ type: 'Ready', status: 'True', reason: 'AddressBound', message: 'z' }], T1, undefined);
    expect(next.map((condition) => [condition.type, condition.status])).toEqual([['Allocated', 'True'], ['Ready', 'True']]);
  });

  test('sameConditions ignores timestamps', () => {
    const a = mergeConditions(undefined, [{ type: 'Ready', status: 'True', reason: 'R', message: 'm' }], T0, 1);
    const b = mergeConditions(undefined, [{ type: 'Ready', status: 'True', reason: 'R', message: 'm' }], T1, 3);
    expect(sameConditions(a, b)).toBe(true);
    expect(sameConditions(a, [])).toBe(false);
  });
});
