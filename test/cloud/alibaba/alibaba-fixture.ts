/**
 * Starts the Alibaba emulator on a small VPC model with a few pods, and the OFFICIAL VPC and ECS SDK
 * clients pointed at it with nothing but an endpoint override.
 */
import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import ecsSdk from '@alicloud/ecs20140526';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import vpcSdk from '@alicloud/vpc20160428';
import {
  DEFAULT_ALIBABA_CREDENTIALS,
  startAlibabaEmulator,
  type AlibabaCredential,
  type AlibabaEmulatorOptions,
} from '../../../hack/cloud/alibaba/index.js';
import type { CloudEmulator } from '../../../hack/cloud/common/cloud-emulator.js';
import { PodNetwork, type PodIpAssignment } from '../../../hack/network/pod-network.js';

export { ecsSdk, vpcSdk };
export type VpcClient = InstanceType<typeof vpcSdk.default>;
export type EcsClient = InstanceType<typeof ecsSdk.default>;
export const REGION = 'cn-hangzhou';

export interface AlibabaFixture {
  emulator: CloudEmulator;
  network: PodNetwork;
  vpc: VpcClient;
  ecs: EcsClient;
  pods: PodIpAssignment[];
}

export async function startAlibabaFixture(options: Partial<AlibabaEmulatorOptions> = {}): Promise<AlibabaFixture> {
  const network = new PodNetwork({ idStyle: 'alibaba', seed: 7, enisPerNode: 2 });
  network.addNode('node-a');
  network.addNode('node-b');
  const pods = [network.assignPodIp('node-a'), network.assignPodIp('node-a'), network.assignPodIp('node-b')];
  const emulator = await startAlibabaEmulator({ network, seed: 11, ...options });
  return { emulator, network, pods, vpc: vpcClient(emulator), ecs: ecsClient(emulator) };
}

export function sdkConfig(
  emulator: CloudEmulator,
  credential: AlibabaCredential = DEFAULT_ALIBABA_CREDENTIALS[0]!,
  extra: Record<string, unknown> = {},
): $OpenApiUtil.Config {
  return new $OpenApiUtil.Config({
    accessKeyId: credential.accessKeyId,
    accessKeySecret: credential.accessKeySecret,
    endpoint: new URL(emulator.endpoint).host,
    protocol: 'http',
    ...extra,
  });
}

export function vpcClient(emulator: CloudEmulator, credential?: AlibabaCredential, extra?: Record<string, unknown>): VpcClient {
  return new vpcSdk.default(sdkConfig(emulator, credential, extra));
}

export function ecsClient(emulator: CloudEmulator): EcsClient {
  return new ecsSdk.default(sdkConfig(emulator));
}

export interface SdkFailure {
  code: string;
  statusCode: number;
  requestId: string;
  name: string;
}

/** The exception openapi-core throws, reduced to what callers branch on. */
export async function sdkFailure(call: Promise<unknown>): Promise<SdkFailure> {
  try {
    await call;
  } catch (error) {
    const { code, statusCode, requestId, name } = error as SdkFailure;
    return { code, statusCode, requestId, name };
  }
  throw new Error('expected the SDK call to fail');
}

export const REQUEST_ID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;

export async function allocate(vpc: VpcClient, fields: Record<string, unknown> = {}): Promise<{ allocationId: string; eipAddress: string }> {
  const response = await vpc.allocateEipAddress(new vpcSdk.AllocateEipAddressRequest({ regionId: REGION, ...fields }));
  return { allocationId: response.body!.allocationId!, eipAddress: response.body!.eipAddress! };
}

export async function describeOne(vpc: VpcClient, allocationId: string) {
  const response = await vpc.describeEipAddresses(
    new vpcSdk.DescribeEipAddressesRequest({ regionId: REGION, allocationId }),
  );
  return response.body!.eipAddresses!.eipAddress!;
}

/** The fixture for a suite: started before it, the emulator reset before each test, closed after it. */
export function useAlibabaFixture(options: Partial<AlibabaEmulatorOptions> = {}): () => AlibabaFixture {
  let fixture: AlibabaFixture | undefined;
  beforeAll(async () => {
    fixture = await startAlibabaFixture(options);
  });
  beforeEach(() => fixture!.emulator.admin.reset());
  afterAll(() => fixture?.emulator.close());
  return () => fixture!;
}
