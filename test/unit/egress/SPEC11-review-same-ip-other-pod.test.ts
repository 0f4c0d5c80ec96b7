import { boundPodEntries, fingerprintOf } from '../../../src/egress/bound-pod-entries.js';
import type { EIPClaim } from '../../../src/k8s/eipclaim.js';

/**
 * Review (SPEC §11, egress): the pass schedule only runs a pass when the fingerprint changes (or at the
 * 60 s resync). When a pod IP passes from one Bound claim to another (the old pod gone, its IP reused by
 * a new pod, or a StatefulSet pod re-created with its fixed IP and re-bound), the CIDRs are the same but
 * the pod whose podeip.io/egress-via-eip condition must turn True is another: the fingerprint must differ,
 * or the new pod waits up to a resync for its condition.
 */
function bound(namespace: string, name: string, podUID: string, privateIP: string): EIPClaim {
  return { metadata: { namespace, name }, status: { phase: 'Bound', privateIP, podUID } } as unknown as EIPClaim;
}

test('the same CIDR held by another pod is another fingerprint', () => {
  const before = fingerprintOf(boundPodEntries([bound('a', 'web-0', 'uid-1', '10.0.0.11')]));
  expect(fingerprintOf(boundPodEntries([bound('b', 'api-0', 'uid-2', '10.0.0.11')]))).not.toBe(before);
  expect(fingerprintOf(boundPodEntries([bound('a', 'web-0', 'uid-3', '10.0.0.11')]))).not.toBe(before);
  expect(fingerprintOf(boundPodEntries([bound('a', 'web-0', 'uid-1', '10.0.0.11')]))).toBe(before);
});
