/**
 * SPEC §11 "Egress through the EIP" (issue 12 item 2), Tencent with --manage-ip-masq-agent, on the
 * local API server and the Tencent emulator: kube-system/ip-masq-agent-config's NonMasqueradeSrcCIDRs
 * = the user's entries + a /32 per Bound pod; a missing ConfigMap is reported, not created; many
 * binds make few writes; a person's edit between podeip's writes (even one that races a write) loses
 * nothing; the pod condition podeip.io/egress-via-eip says when the entry is in place.
 */
import type { V1ConfigMap, V1Pod } from '@kubernetes/client-node';
import type { RequestLogEntry } from '../../hack/kube-apiserver/index.js';
import { eventually, useHarness } from './harness.js';
import { TENCENT_ROW as row } from './provider-rows.js';

const CONDITION = 'podeip.io/egress-via-eip';
const TRACKED = 'podeip.io/non-masquerade-src-cidrs';
const NAME = 'ip-masq-agent-config';
const SYSTEM = 'kube-system';
/** Seed 003's sample, as TKE writes it, with one entry of the user's own. */
const TKE_CONFIG = '{"NonMasqueradeCIDRs":["172.16.0.0/16","10.67.0.0/16"],"NonMasqueradeSrcCIDRs":["172.16.0.2/32"],"MasqLinkLocal":true,"ResyncInterval":"1m0s","MasqLinkLocalIPv6":false}';
/** A change is written 2 s after the last one (at most 20 s after the first), so ten binds are one or two writes. */
const TIMING = { quietMs: 2_000, maxDelayMs: 20_000, retryMs: 300 };

describe('SPEC §11 egress through the EIP (tencent, --manage-ip-masq-agent)', () => {
  const world = useHarness(row, { controller: { ipMasqAgent: TIMING } });

  const readConfigMap = () => world().core.readNamespacedConfigMap({ namespace: SYSTEM, name: NAME });
  const podIpOf = async (name: string) => (await world().boundClaim(name)).claim.status!.privateIP!;
  const conditionOf = (pod: V1Pod | undefined) => pod?.status?.conditions?.find((condition) => condition.type === CONDITION);
  const configMapCalls = (verb: string): RequestLogEntry[] =>
    world().controllerCalls().filter((call) => call.verb === verb && call.resource === 'configmaps' && call.namespace === SYSTEM && call.name === NAME);
  const egressTrue = (name: string) => eventually(`${name}: ${CONDITION} True`, async () => conditionOf(await world().pod(name))?.status === 'True');
  /** Waits until data.config is exactly `expected`, then returns the ConfigMap. */
  const configBecomes = (expected: string) =>
    eventually<V1ConfigMap>(`data.config = ${expected}`, async () => {
      const configMap = await readConfigMap();
      return configMap.data?.config === expected ? configMap : undefined;
    });
  const withSrcCidrs = (entries: string[]) => TKE_CONFIG.replace('"NonMasqueradeSrcCIDRs":["172.16.0.2/32"]', `"NonMasqueradeSrcCIDRs":${JSON.stringify(['172.16.0.2/32', ...entries])}`);

  test('a missing ConfigMap is reported on the Bound pod\'s condition and never created', async () => {
    await world().createPod('egress-first', row.ownedRequest());
    await world().boundClaim('egress-first');
    const condition = await eventually('condition names the missing ConfigMap', async () => {
      const found = conditionOf(await world().pod('egress-first'));
      return found?.reason === 'IpMasqAgentConfigMissing' ? found : undefined;
    });
    expect(condition).toMatchObject({ status: 'False', message: 'kube-system/ip-masq-agent-config does not exist: podeip adds pod entries to it but never creates it' });
    await eventually('podeip looked again', () => configMapCalls('get').filter((call) => call.status === 404).length >= 2);
    expect(configMapCalls('create')).toEqual([]);
    expect(configMapCalls('patch')).toEqual([]);
    await expect(readConfigMap()).rejects.toMatchObject({ code: 404 });
  });

  test('once the ConfigMap exists, the Bound pod\'s /32 is added after the user\'s entries, every other byte kept', async () => {
    await world().core.createNamespacedConfigMap({
      namespace: SYSTEM,
      body: { metadata: { name: NAME, labels: { 'addonmanager.kubernetes.io/mode': 'EnsureExists' } }, data: { config: TKE_CONFIG, other: 'kept: as is\n' } },
    });
    const ip = await podIpOf('egress-first');
    const configMap = await configBecomes(withSrcCidrs([`${ip}/32`]));
    expect(configMap.data).toEqual({ config: withSrcCidrs([`${ip}/32`]), other: 'kept: as is\n' });
    expect(configMap.metadata?.labels).toEqual({ 'addonmanager.kubernetes.io/mode': 'EnsureExists' });
    expect(configMap.metadata?.annotations?.[TRACKED]).toBe(JSON.stringify([`${ip}/32`]));
    await egressTrue('egress-first');
    expect(conditionOf(await world().pod('egress-first'))).toMatchObject({
      reason: 'NonMasqueradeSrcCIDR',
      message: `kube-system/ip-masq-agent-config lists ${ip}/32 in NonMasqueradeSrcCIDRs: outbound traffic leaves through the EIP`,
    });
  });

  test('ten pods bound at once are written in a few ConfigMap writes, not one per pod', async () => {
    const patchesBefore = configMapCalls('patch').length;
    const names = Array.from({ length: 10 }, (_, index) => `egress-burst-${index}`);
    await Promise.all(names.map((name) => world().createPod(name, row.ownedRequest())));
    const ips = await Promise.all(['egress-first', ...names].map(podIpOf));
    const expected = withSrcCidrs(ips.map((ip) => `${ip}/32`).sort());
    await configBecomes(expected);
    for (const name of names) await egressTrue(name);
    const writes = configMapCalls('patch').length - patchesBefore;
    expect(writes).toBeGreaterThanOrEqual(1);
    expect(writes).toBeLessThanOrEqual(3);
  });

  test('unbinding removes exactly podeip\'s entries of those pods', async () => {
    const kept = ['egress-first', ...Array.from({ length: 5 }, (_, index) => `egress-burst-${index}`)];
    const ips = await Promise.all(kept.map(podIpOf));
    await Promise.all(Array.from({ length: 5 }, (_, index) => world().deletePod(`egress-burst-${index + 5}`)));
    const configMap = await configBecomes(withSrcCidrs(ips.map((ip) => `${ip}/32`).sort()));
    expect(configMap.metadata?.annotations?.[TRACKED]).toBe(JSON.stringify(ips.map((ip) => `${ip}/32`).sort()));
  });

  test('a person\'s edit made while podeip\'s write is on its way loses nothing: the write is refused (409), re-read and re-applied', async () => {
    const before = await readConfigMap();
    const ours = JSON.parse(before.metadata!.annotations![TRACKED]!) as string[];
    const edited = (entries: string[]) =>
      `{"NonMasqueradeCIDRs":["172.16.0.0/16","10.67.0.0/16"],"NonMasqueradeSrcCIDRs":${JSON.stringify(['172.16.0.2/32', '192.168.9.0/24', ...entries])},"MasqLinkLocal":false,"ResyncInterval":"30s","MasqLinkLocalIPv6":false}`;
    const theirs = edited(ours);
    const conflictsBefore = configMapCalls('patch').filter((call) => call.status === 409).length;
    // podeip's next write waits 3 s at the API server: the person's edit lands after podeip read the ConfigMap and before its write does.
    world().apiServer.hooks.injectFault({ method: 'PATCH', pathPattern: /\/namespaces\/kube-system\/configmaps\/ip-masq-agent-config$/, latencyMs: 3_000, times: 1 });
    const getsBefore = configMapCalls('get').length;
    await world().createPod('egress-late', row.ownedRequest());
    const ip = await podIpOf('egress-late');
    await eventually('podeip read the ConfigMap to add egress-late', () => configMapCalls('get').length > getsBefore);
    await world().core.replaceNamespacedConfigMap({
      namespace: SYSTEM,
      name: NAME,
      body: { ...before, metadata: { ...before.metadata, resourceVersion: undefined, annotations: { ...before.metadata!.annotations, 'example.com/edited-by': 'a person' } }, data: { config: theirs, other: 'kept: as is\n', added: 'by a person' } },
    });
    const after = await configBecomes(edited([...ours, `${ip}/32`].sort()));
    expect(after.data).toEqual({ config: edited([...ours, `${ip}/32`].sort()), other: 'kept: as is\n', added: 'by a person' });
    expect(after.metadata?.annotations).toEqual({ 'example.com/edited-by': 'a person', [TRACKED]: JSON.stringify([...ours, `${ip}/32`].sort()) });
    expect(configMapCalls('patch').filter((call) => call.status === 409).length).toBe(conflictsBefore + 1);
    await egressTrue('egress-late');
  });
});
