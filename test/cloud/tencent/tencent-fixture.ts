/** Starts a Tencent emulator on a small PodNetwork and builds official SDK clients against it. */
import { Agent } from 'node:http';
import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import { Client as VpcClient } from 'tencentcloud-sdk-nodejs/tencentcloud/services/vpc/v20170312/vpc_client.js';
import { PodNetwork, type PodIpAssignment } from '../../../hack/network/pod-network.js';
import { ManualClock, type CloudEmulator } from '../../../hack/cloud/common/index.js';
import {
  DEFAULT_TENCENT_CREDENTIALS,
  startTencentEmulator,
  type TencentEmulatorOptions,
} from '../../../hack/cloud/tencent/index.js';

export { VpcClient };

export interface TencentFixture {
  emulator: CloudEmulator;
  /** The emulator's clock unless the options gave another: transitions happen when a test advances it. */
  clock: ManualClock;
  /** Runs every pending transition. */
  finishTransitions(): void;
  network: PodNetwork;
  pod: PodIpAssignment;
  client: VpcClient;
  clientWith(overrides: ClientOverrides): VpcClient;
  close(): Promise<void>;
}

export interface ClientOverrides {
  secretId?: string;
  secretKey?: string;
  token?: string;
  region?: string;
  /** Host name the SDK is pointed at (resolved to 127.0.0.1 by the agent). */
  hostName?: string;
  reqMethod?: 'POST' | 'GET';
}

export const TINY_DELAYS = { create: 5, bind: 5, unbind: 5, release: 5 };
export const TEST_REGION = 'ap-guangzhou';

export async function startTencentFixture(options: Partial<TencentEmulatorOptions> = {}): Promise<TencentFixture> {
  const network = new PodNetwork({ seed: 7 });
  network.addNode('node-a');
  const pod = network.assignPodIp('node-a');
  const clock = options.clock instanceof ManualClock ? options.clock : new ManualClock(Date.now());
  const emulator = await startTencentEmulator({ network, delaysMs: TINY_DELAYS, ...options, clock: options.clock ?? clock });
  const agent = new Agent({ keepAlive: false, lookup: resolveToLoopback });
  const clientWith = (overrides: ClientOverrides) => newClient(emulator, agent, overrides);
  return {
    emulator,
    clock,
    finishTransitions: () => clock.advance(Math.max(...Object.values(TINY_DELAYS))),
    network,
    pod,
    client: clientWith({}),
    clientWith,
    close: async () => {
      agent.destroy();
      await emulator.close();
    },
  };
}

function newClient(emulator: CloudEmulator, agent: Agent, overrides: ClientOverrides): VpcClient {
  const port = new URL(emulator.endpoint).port;
  const [credential] = DEFAULT_TENCENT_CREDENTIALS;
  return new VpcClient({
    credential: {
      secretId: overrides.secretId ?? credential!.secretId,
      secretKey: overrides.secretKey ?? credential!.secretKey,
      token: overrides.token,
    },
    region: overrides.region ?? TEST_REGION,
    // An explicit agent, or the SDK would route through $http_proxy.
    profile: {
      httpProfile: {
        endpoint: `${overrides.hostName ?? '127.0.0.1'}:${port}`,
        protocol: 'http://',
        agent,
        reqMethod: overrides.reqMethod ?? 'POST',
      },
    },
  });
}

type LookupCallback = (error: Error | null, address: string | { address: string; family: number }[], family?: number) => void;

/** Every host name is 127.0.0.1, so tests can use `vpc.*` names without DNS. */
function resolveToLoopback(_host: string, options: { all?: boolean }, callback: LookupCallback): void {
  if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
  else callback(null, '127.0.0.1', 4);
}

const REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The SDK's TencentCloudSDKHttpException with the documented code and the emulator's RequestId. */
export async function expectTencentError(call: Promise<unknown>, code: string): Promise<void> {
  await expect(call).rejects.toMatchObject({ code, requestId: expect.stringMatching(REQUEST_ID) });
}

/** The fixture for a suite: started before it, the emulator reset before each test, closed after it. */
export function useTencentFixture(options: Partial<TencentEmulatorOptions> = {}): () => TencentFixture {
  let fixture: TencentFixture | undefined;
  beforeAll(async () => {
    fixture = await startTencentFixture(options);
  });
  beforeEach(() => fixture!.emulator.admin.reset());
  afterAll(() => fixture?.close());
  return () => fixture!;
}

/** A new address, settled in UNBIND. */
export async function unboundAddress(fixture: TencentFixture): Promise<string> {
  const { AddressSet } = await fixture.client.AllocateAddresses({});
  fixture.finishTransitions();
  return AddressSet![0]!;
}
