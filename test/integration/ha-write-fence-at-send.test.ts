/**
 * Issue 14 item 8: the leader write fence is checked when each cloud write is sent — after the write
 * waited for its rate-limit token, and on every retry inside a provider — not only when it was called;
 * completeAllocation (Alibaba: joining a bandwidth package) is a write too. What the cloud received is
 * counted at the emulator's /_admin/calls.
 */
import { DEFAULT_ALIBABA_BANDWIDTH_PACKAGE_ID } from '../../hack/cloud/alibaba/index.js';
import type { CallCounts, CloudEmulator } from '../../hack/cloud/common/index.js';
import { PodNetwork } from '../../hack/network/pod-network.js';
import { NotLeaderError, WriteFence } from '../../src/manager/write-fence.js';
import type { CloudCallObserver } from '../../src/providers/cloud-call-observer.js';
import { createProvider, type ProviderFactoryOptions } from '../../src/providers/create-provider.js';
import type { AllocateRequest, AllocationParams, Provider } from '../../src/providers/provider.js';
import { ALIBABA_ROW } from '../providers/alibaba/alibaba-row.js';
import { PROVIDER_ROWS, type ProviderRow } from './provider-rows.js';

/** One token per action, refilled once a second: a second write in a row waits about a second for its token. */
const ONE_PER_SECOND = { perSecond: {}, defaultPerSecond: 1 };
const CHARGE_TYPES = { tencent: 'TRAFFIC_POSTPAID_BY_HOUR', alibaba: 'PayByTraffic' };

function allocation(row: ProviderRow, parameters: Record<string, unknown> = {}): AllocationParams {
  return { bandwidthMbps: 5, isp: 'BGP', chargeType: CHARGE_TYPES[row.name], parameters };
}

function allocateRequest(row: ProviderRow, clientToken: string): AllocateRequest {
  return { clientToken, tags: { 'podeip.io/cluster': 'fence-test' }, allocation: allocation(row) };
}

/** A cloud emulator and providers built as startController builds them: fenced calls, and the fence as send gate. */
function fencedCloud(row: ProviderRow) {
  let cloud: CloudEmulator;
  const state = { leading: true };
  beforeAll(async () => {
    Object.assign(process.env, row.credentialsEnv);
    cloud = await row.startEmulator(new PodNetwork({ idStyle: row.idStyle }), {});
  });
  beforeEach(() => {
    state.leading = true;
    cloud.admin.reset();
  });
  afterAll(async () => {
    await cloud?.close();
  });
  const providers: Provider[] = [];
  afterEach(() => providers.splice(0).forEach((provider) => provider.close()));
  return {
    state,
    cloud: () => cloud,
    /** `gateOnly`: without the proxy that fences calls, so only the check at send time stands. */
    async provider(options: Partial<ProviderFactoryOptions> = {}, { gateOnly = false } = {}): Promise<Provider> {
      const fence = new WriteFence(() => state.leading);
      const observer: CloudCallObserver = { observe: () => undefined };
      const base = await createProvider(row.name, { region: row.region, endpoint: cloud.endpoint, observer, beforeSend: fence.cloudSendGate, ...options });
      providers.push(base);
      return gateOnly ? base : fence.provider(base);
    },
    async callsReceived(): Promise<CallCounts> {
      return (await (await fetch(`${cloud.adminUrl}/calls`)).json()) as CallCounts;
    },
  };
}

describe.each(PROVIDER_ROWS)('$name: a cloud write is fenced when it is sent', (row) => {
  const world = fencedCloud(row);

  test('a write waiting behind an exhausted rate-limit bucket when leadership is lost is never sent', async () => {
    const provider = await world.provider({ rateLimits: ONE_PER_SECOND });
    await provider.allocate(allocateRequest(row, 'fence-first'));

    const queued = provider.allocate(allocateRequest(row, 'fence-queued'));
    world.state.leading = false;

    await expect(queued).rejects.toBeInstanceOf(NotLeaderError);
    expect(await world.callsReceived()).toEqual({ [row.allocateAction]: { OK: 1 } });
  });
});

describe('alibaba: the writes the provider repeats or adds on its own are fenced too', () => {
  const world = fencedCloud(ALIBABA_ROW);
  const throttled = 'Throttling.User';

  test('a throttled write is not retried once leadership is lost', async () => {
    const loseLeadershipWhenThrottled: CloudCallObserver = { observe: ({ code }) => void (code === throttled && (world.state.leading = false)) };
    const provider = await world.provider({ observer: loseLeadershipWhenThrottled });
    world.cloud().admin.setFault({ action: ALIBABA_ROW.allocateAction, errorCode: throttled });

    await expect(provider.allocate(allocateRequest(ALIBABA_ROW, 'fence-throttled'))).rejects.toBeInstanceOf(NotLeaderError);
    expect(await world.callsReceived()).toEqual({ [ALIBABA_ROW.allocateAction]: { [throttled]: 1 } });
  });

  test.each<[string, { gateOnly?: boolean }]>([
    ['behind the fenced call', {}],
    ['by the send gate alone', { gateOnly: true }],
  ])('completeAllocation (joining the bandwidth package) is refused while not leading, %s; nothing is sent', async (_, how) => {
    const provider = await world.provider({}, how);
    const { addressId } = await provider.allocate(allocateRequest(ALIBABA_ROW, `fence-package-${String(how.gateOnly)}`));
    const [address] = await provider.describeByIds([addressId]);
    const before = await world.callsReceived();
    world.state.leading = false;

    const joining = provider.completeAllocation!(address!, allocation(ALIBABA_ROW, { CommonBandwidthPackageId: DEFAULT_ALIBABA_BANDWIDTH_PACKAGE_ID }));

    await expect(joining).rejects.toBeInstanceOf(NotLeaderError);
    expect(await world.callsReceived()).toEqual(before);
  });
});
