/**
 * SPEC §11 PodEIP compatibility (issue 12 item 1), Alibaba emulator + local API server: the CRD of
 * config/compat installed with kubectl, one PodEIP per claim with every listed field, written before
 * the pod's outputs, read by OpenKruiseGame's EIP plugin as it behaves; gone with the claim; deleting
 * it reclaims; another controller's PodEIP is left alone with a Warning.
 */
import type { V1Pod } from '@kubernetes/client-node';
import { fileURLToPath } from 'node:url';
import { EIP_CONTROLLER_ANNOTATION, PODEIP_GROUP, PODEIP_PLURAL, PODEIP_VERSION, type PodEIP } from '../../src/compat/podeip-resource.js';
import { ALIBABA_ROW as row } from '../providers/alibaba/alibaba-row.js';
import { describeAccess, loadControllerRbac } from '../manifests/rbac-rules.js';
import { CONTROLLER_NAMESPACE, CONTROLLER_USER, eventually, NAMESPACE, useHarness } from './harness.js';
import { OKG_NETWORK_WAIT_MS, OkgEipPlugin } from './okg-eip-plugin.js';
import { isPodEipCompatGrant } from './podeip-compat-grants.js';

const CRD_FILE = fileURLToPath(new URL('../../config/compat/alibabacloud.com_podeips.yaml', import.meta.url));
const RESOURCE = { group: PODEIP_GROUP, version: PODEIP_VERSION, plural: PODEIP_PLURAL, namespace: NAMESPACE };

describe('SPEC §11 PodEIP compatibility (alibaba)', () => {
  const world = useHarness(row, { controller: { podeipCrdCheckMs: 200 } });
  const plugins: OkgEipPlugin[] = [];

  const podEip = async (name: string) => (await world().custom.getNamespacedCustomObject({ ...RESOURCE, name }).catch(() => undefined)) as PodEIP | undefined;
  const okgFor = async (name: string) => {
    const plugin = await OkgEipPlugin.start(world().kubeConfig, NAMESPACE, name);
    plugins.push(plugin);
    return plugin;
  };
  /** OKG's view of this pod incarnation once Ready, within OKG's own 60 s wait. */
  const okgReady = (plugin: OkgEipPlugin, pod: V1Pod) =>
    eventually(`OKG sees ${pod.metadata!.name}'s network Ready`, () => plugin.networkOf(pod.metadata!.uid!), OKG_NETWORK_WAIT_MS);

  beforeAll(async () => {
    expect(await world().kubectl('apply', '-f', CRD_FILE)).toBe('customresourcedefinition.apiextensions.k8s.io/podeips.alibabacloud.com created\n');
  });

  afterAll(async () => {
    await Promise.all(plugins.map((plugin) => plugin.stop()));
  });

  test('the CRD of config/compat is served', async () => {
    expect(await world().kubectl('get', 'crd', 'podeips.alibabacloud.com', '-o', 'jsonpath={.spec.group}/{.spec.versions[0].name} {.spec.names.kind} {.spec.scope}')).toBe(
      'alibabacloud.com/v1beta1 PodEIP Namespaced',
    );
    expect(await world().kubectl('get', 'podeips', 'no-such-pod', '--ignore-not-found')).toBe('');
  });

  test('OKG sees the pod Ready with its public and private IP, the PodEIP having every §11 field before the pod outputs', async () => {
    const okg = await okgFor('okg-0');
    const annotations = { ...row.ownedRequest(), 'k8s.aliyun.com/eip-resource-group-id': 'rg-games', 'k8s.aliyun.com/eip-name': 'default/okg-0' };
    const created = await world().createPod('okg-0', annotations);
    const { claim, pod } = await world().boundClaim('okg-0');
    const seen = await okgReady(okg, created);
    expect(seen).toMatchObject({ external: claim.status!.publicIP, internal: pod.status!.podIP });
    expect(okg.statusesOf(created.metadata!.uid!).every((status) => status.internal === pod.status!.podIP)).toBe(true);
    const written = (await podEip('okg-0'))!;
    expect(written.metadata.annotations).toEqual({ [EIP_CONTROLLER_ANNOTATION]: 'podeip' });
    expect(written.metadata.ownerReferences).toEqual([{ apiVersion: 'podeip.io/v1alpha1', kind: 'EIPClaim', name: 'okg-0', uid: claim.metadata.uid }]);
    expect(written.spec).toEqual({ allocationID: claim.status!.addressId, allocationType: { type: 'Auto', releaseStrategy: 'Follow' } });
    expect(written.status).toEqual({
      eipAddress: claim.status!.publicIP,
      privateIPAddress: pod.status!.podIP,
      networkInterfaceID: claim.status!.networkInterfaceId,
      isp: 'BGP',
      internetChargeType: 'PayByTraffic',
      resourceGroupID: 'rg-games',
      name: 'default/okg-0',
      status: 'InUse',
      podLastSeen: claim.status!.boundAt,
    });
    const writes = world().controllerCalls().filter((call) => call.name === 'okg-0' && call.verb === 'patch');
    const podEipWritten = writes.findIndex((call) => call.resource === PODEIP_PLURAL && call.subresource === 'status');
    const podOutputs = writes.findIndex((call) => call.resource === 'pods' && call.subresource === undefined);
    expect(podEipWritten).toBeGreaterThanOrEqual(0);
    expect(podEipWritten).toBeLessThan(podOutputs);
  });

  test('a retained claim whose pod comes back on a new IP: OKG sees the new IP, never the old one', async () => {
    const okg = await okgFor('okg-kept');
    await world().createPod('okg-kept', row.ownedRequest({ keep: true }));
    const first = await world().boundClaim('okg-kept');
    await world().deletePod('okg-kept');
    await eventually('claim Retained', async () => (await world().claim('okg-kept'))?.status?.phase === 'Retained');
    const retained = await eventually('PodEIP shows no binding while the claim is Retained', async () => {
      const current = await podEip('okg-kept');
      return current?.status?.eipAddress === undefined ? current : undefined;
    });
    expect(retained.spec.allocationType).toEqual({ type: 'Auto', releaseStrategy: 'Never' });
    expect(retained.status).toMatchObject({ podLastSeen: (await world().claim('okg-kept'))!.status!.podGoneAt, status: 'Available' });
    const again = await world().createPod('okg-kept', row.ownedRequest({ keep: true }));
    const seen = await okgReady(okg, again);
    const second = await world().boundClaim('okg-kept');
    expect(second.pod.status!.podIP).not.toBe(first.pod.status!.podIP);
    expect(seen).toMatchObject({ external: first.claim.status!.publicIP, internal: second.pod.status!.podIP });
    expect(okg.statusesOf(again.metadata!.uid!).map((status) => status.internal)).not.toContain(first.pod.status!.podIP);
    expect((await podEip('okg-kept'))!.status).toMatchObject({ eipAddress: first.claim.status!.publicIP, privateIPAddress: second.pod.status!.podIP });
  });

  test('the PodEIP goes when its claim ends', async () => {
    await world().createPod('okg-gone', row.ownedRequest());
    await world().boundClaim('okg-gone');
    await eventually('PodEIP written', () => podEip('okg-gone'));
    await world().deletePod('okg-gone');
    await eventually('claim gone', async () => (await world().claim('okg-gone')) === undefined);
    await eventually('PodEIP gone', async () => (await podEip('okg-gone')) === undefined);
  });

  // `podeips`: kubectl expands the singular `podeip` to podeip's own category (eipclaims and eippools) first.
  test('kubectl delete podeips reclaims like kubectl delete eipc: the address is released and the live pod gets a new claim', async () => {
    await world().createPod('okg-reclaim', row.ownedRequest());
    const { claim } = await world().boundClaim('okg-reclaim');
    await eventually('PodEIP written', () => podEip('okg-reclaim'));
    expect(await world().kubectl('delete', 'podeips', 'okg-reclaim')).toBe('podeip.alibabacloud.com "okg-reclaim" deleted\n');
    await eventually('old address released', () => world().address(claim.status!.addressId!) === undefined);
    const next = await eventually('a new claim bound', async () => {
      const bound = await world().boundClaim('okg-reclaim');
      return bound.claim.metadata.uid !== claim.metadata.uid ? bound : undefined;
    });
    const rewritten = await eventually('a new PodEIP for the new claim', async () => {
      const current = await podEip('okg-reclaim');
      return current?.status?.eipAddress === next.claim.status!.publicIP ? current : undefined;
    });
    expect(rewritten.spec.allocationID).toBe(next.claim.status!.addressId);
  });

  test('a changed release strategy is written to the PodEIP spec', async () => {
    await world().createPod('okg-policy', row.ownedRequest());
    await world().boundClaim('okg-policy');
    await eventually('PodEIP written', () => podEip('okg-policy'));
    const annotations = { ...row.ownedRequest(), 'k8s.aliyun.com/pod-eip-release-strategy': '90m' };
    await world().core.patchNamespacedPod({ namespace: NAMESPACE, name: 'okg-policy', body: [{ op: 'replace', path: '/metadata/annotations', value: annotations }] });
    const changed = await eventually('release strategy TTL', async () => {
      const current = await podEip('okg-policy');
      return current?.spec.allocationType.releaseStrategy === 'TTL' ? current : undefined;
    });
    expect(changed.spec.allocationType).toEqual({ type: 'Auto', releaseStrategy: 'TTL', releaseAfter: '1h30m' });
  });

  test("another controller's PodEIP is never modified, and the pod gets a Warning", async () => {
    const foreign = {
      apiVersion: 'alibabacloud.com/v1beta1',
      kind: 'PodEIP',
      metadata: { name: 'okg-foreign', annotations: { [EIP_CONTROLLER_ANNOTATION]: 'ack-extend-network-controller' } },
      spec: { allocationID: 'eip-theirs0000000000000', allocationType: { type: 'Static', releaseStrategy: 'Never' } },
    };
    const before = (await world().custom.createNamespacedCustomObject({ ...RESOURCE, body: foreign })) as PodEIP;
    await world().createPod('okg-foreign', row.ownedRequest());
    const { pod } = await world().boundClaim('okg-foreign');
    const warning = await eventually('Warning on the pod', async () => (await world().events('PodEIPOwnedElsewhere', 'okg-foreign')).find((event) => event.involvedObject.kind === 'Pod'));
    expect(warning).toMatchObject({
      type: 'Warning',
      involvedObject: { uid: pod.metadata!.uid },
      message: 'PodEIP default/okg-foreign is written by ack-extend-network-controller, not podeip: podeip leaves it as it is, so it may not show this pod\'s address',
    });
    expect((await podEip('okg-foreign'))!.metadata.resourceVersion).toBe(before.metadata.resourceVersion);
    const touched = world().controllerCalls().filter((call) => call.resource === PODEIP_PLURAL && call.name === 'okg-foreign');
    expect(touched).toEqual([]);
  });

  test('the CRD removed while podeip runs reclaims nothing; installed again, the PodEIPs come back', async () => {
    await world().createPod('okg-crd', row.ownedRequest());
    const { claim } = await world().boundClaim('okg-crd');
    await eventually('PodEIP written', () => podEip('okg-crd'));
    await world().kubectl('delete', 'crd', 'podeips.alibabacloud.com');
    const crdChecks = () => world().controllerCalls().filter((call) => call.resource === 'customresourcedefinitions' && call.user === CONTROLLER_USER).length;
    const checksAfterRemoval = crdChecks();
    await eventually('podeip asked again since', () => crdChecks() > checksAfterRemoval + 1);
    expect((await world().claim('okg-crd'))!.metadata).toMatchObject({ uid: claim.metadata.uid });
    expect((await world().claim('okg-crd'))!.metadata.deletionTimestamp).toBeUndefined();
    await world().kubectl('apply', '-f', CRD_FILE);
    const back = await eventually('PodEIP written again', async () => {
      const current = await podEip('okg-crd');
      return current?.status?.eipAddress ? current : undefined;
    });
    expect(back.status).toMatchObject({ eipAddress: claim.status!.publicIP, privateIPAddress: claim.status!.privateIP });
  });

  test('every PodEIP grant of config/rbac was used', async () => {
    await world().stopController();
    // A watch is logged when it ends.
    await eventually('the PodEIP watch logged', () => world().controllerCalls().some((call) => call.verb === 'watch' && call.resource === PODEIP_PLURAL));
    const rbac = loadControllerRbac({ namespace: CONTROLLER_NAMESPACE });
    expect(rbac.unused(world().controllerCalls()).filter(isPodEipCompatGrant).map(describeAccess)).toEqual([]);
  });
});
