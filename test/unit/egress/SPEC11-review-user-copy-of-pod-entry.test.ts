import { planSrcCidrs } from '../../../src/egress/non-masquerade-src-cidrs.js';

/**
 * Review (SPEC §11, egress): a person who adds an entry equal to a Bound pod's /32 while podeip's own
 * copy is already in the list (a second copy: theirs) must keep it when the pod is unbound.
 */
describe('a person\'s copy of an entry podeip added', () => {
  const withCopy = '{"NonMasqueradeSrcCIDRs":["172.16.0.2/32","10.0.0.11/32","10.0.0.11/32"]}';

  test('is not removed while the pod is Bound: the entry becomes theirs, podeip stops tracking it', () => {
    expect(planSrcCidrs(withCopy, ['10.0.0.11/32'], ['10.0.0.11/32'])).toEqual({
      kind: 'write',
      configText: '{"NonMasqueradeSrcCIDRs":["172.16.0.2/32","10.0.0.11/32"]}',
      tracked: [],
    });
  });

  test('stays when the pod is unbound (only podeip\'s copy goes)', () => {
    const plan = planSrcCidrs(withCopy, ['10.0.0.11/32'], []);
    expect(plan).toEqual({ kind: 'write', configText: '{"NonMasqueradeSrcCIDRs":["172.16.0.2/32","10.0.0.11/32"]}', tracked: [] });
  });

  test('a person\'s own duplicates, untracked, are left as they are', () => {
    expect(planSrcCidrs('{"NonMasqueradeSrcCIDRs":["10.0.0.9/32","10.0.0.9/32"]}', [], [])).toEqual({ kind: 'in-place' });
  });
});
