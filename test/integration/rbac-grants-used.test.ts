/**
 * "Nothing more is granted": one world drives podeip down every path that calls the API server, then
 * every grant of config/rbac must have been used by podeip's ServiceAccount at least once. (That
 * every call was allowed is checked when any harness world closes.)
 */
import { describeAccess, loadControllerRbac } from '../manifests/rbac-rules.js';
import { CONTROLLER_NAMESPACE, eventually, NAMESPACE, useHarness } from './harness.js';
import { TENCENT_ROW as row } from './provider-rows.js';
import { isPodEipCompatGrant } from './podeip-compat-grants.js';

const MINUTE = 60_000;
const LEASE = { namespace: CONTROLLER_NAMESPACE, name: 'podeip-leader', identity: 'rbac-it', leaseDurationMs: 1_500, renewDeadlineMs: 1_000, retryPeriodMs: 100 };

describe('config/rbac grants podeip nothing it does not use', () => {
  const world = useHarness(row, { controller: { enableOwnerRef: true, claimExpiredMs: 10 * MINUTE, leaderElection: LEASE, ipMasqAgent: { quietMs: 100, retryMs: 100 } } });

  const claimGone = (name: string) => eventually(`claim ${name} gone`, async () => (await world().claim(name)) === undefined);

  test('a pod with a readiness gate is bound, and deleting it deletes its claim', async () => {
    await world().createPod('rbac-web', row.ownedRequest(), { readinessGates: ['podeip.io/eip-bound'] });
    await world().boundClaim('rbac-web');
    // The gate is a status write of its own, after the annotations boundClaim waits for.
    await eventually('readiness gate True', async () => {
      const pod = await world().pod('rbac-web');
      return pod?.status?.conditions?.find((condition) => condition.type === 'podeip.io/eip-bound')?.status === 'True';
    });
    await world().deletePod('rbac-web');
    await claimGone('rbac-web');
  });

  test('a retained claim expires on the injected clock', async () => {
    await world().createPod('rbac-kept', row.ownedRequest({ keep: true }));
    await world().boundClaim('rbac-kept');
    await world().deletePod('rbac-kept');
    await eventually('claim Retained', async () => (await world().claim('rbac-kept'))?.status?.phase === 'Retained');
    world().clock.advance(11 * MINUTE);
    await claimGone('rbac-kept');
  });

  test('deleting a StatefulSet cascades to the claims it owns', async () => {
    await world().createStatefulSet('rbac-set', 1, row.ownedRequest({ keep: true }));
    const { claim } = await world().boundClaim('rbac-set-0');
    expect(claim.metadata.ownerReferences?.map((owner) => owner.kind)).toEqual(['StatefulSet']);
    await world().apps.deleteNamespacedStatefulSet({ namespace: NAMESPACE, name: 'rbac-set', propagationPolicy: 'Background' });
    await claimGone('rbac-set-0');
  });

  test('an EIPPool keeps a spare (its finalizer and status are patched) and lends it to a pod', async () => {
    await world().createPool('rbac-pool', { allocation: { minAvailable: 1, maxSize: 2 } });
    await world().createPod('rbac-pooled', { 'podeip.io/pool': 'rbac-pool' });
    await world().boundClaim('rbac-pooled');
    await eventually('pool status written', async () => (await world().pool('rbac-pool'))?.status?.bound === 1);
  });

  test('a repeated Warning bumps the count of one Event instead of adding another', async () => {
    await world().createPod('rbac-noisy', row.malformedRequest());
    await eventually('first warning', async () => (await world().events('InvalidEIPRequest', 'rbac-noisy')).length === 1);
    // Another problem with the same request: a second InvalidEIPRequest (a pod update alone does not repeat one the claim already shows).
    const otherProblem = { ...row.ownedRequest(), [row.typo.annotation]: row.typo.value };
    await world().core.patchNamespacedPod({ namespace: NAMESPACE, name: 'rbac-noisy', body: [{ op: 'replace', path: '/metadata/annotations', value: otherProblem }] });
    const events = await eventually('count bumped', async () => {
      const found = await world().events('InvalidEIPRequest', 'rbac-noisy');
      return (found[0]?.count ?? 0) >= 2 ? found : undefined;
    });
    expect(events).toHaveLength(1);
  });

  test('--manage-ip-masq-agent reads and patches kube-system/ip-masq-agent-config', async () => {
    await world().core.createNamespacedConfigMap({ namespace: 'kube-system', body: { metadata: { name: 'ip-masq-agent-config' }, data: { config: '{"NonMasqueradeSrcCIDRs":[]}' } } });
    await world().createPod('rbac-egress', row.ownedRequest());
    const ip = (await world().boundClaim('rbac-egress')).claim.status!.privateIP!;
    await eventually('pod entry written', async () => {
      const configMap = await world().core.readNamespacedConfigMap({ namespace: 'kube-system', name: 'ip-masq-agent-config' });
      return configMap.data?.config?.includes(`"${ip}/32"`);
    });
  });

  test('every grant was used, and every call was granted', async () => {
    // A watch is logged when it ends: stop podeip (which also releases its Lease) and wait for its two watches to close.
    const openBefore = world().apiServer.hooks.openWatches();
    await world().stopController();
    await eventually('podeip watches closed', () => world().apiServer.hooks.openWatches() <= openBefore - 2);
    const rbac = loadControllerRbac({ namespace: CONTROLLER_NAMESPACE });
    const calls = world().controllerCalls();
    // The Alibaba-only PodEIP grants are used in test/integration/SPEC11-podeip-compat.
    expect(rbac.unused(calls).filter((grant) => !isPodEipCompatGrant(grant)).map(describeAccess)).toEqual([]);
    expect(rbac.denied(calls)).toEqual([]);
    expect(rbac.grants.length).toBe(30);
  });
});
