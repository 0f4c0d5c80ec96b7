/**
 * The Provider for Alibaba Cloud VPC 2016-04-28 (EIPs) and ECS 2014-05-26 (pod IP → ENI) over the
 * official SDKs. Unlike Terway: allocation carries a ClientToken and podeip's tags, releasing an
 * address that is already gone succeeds, and a common bandwidth package is left before release.
 */
import { ActionRateLimiter, type RateLimits } from '../action-rate-limiter.js';
import { CloudError, MISSING_CREDENTIALS, MissingCredentialsError } from '../cloud-error.js';
import type { CloudCallObserver } from '../cloud-call-observer.js';
import { MeteredCalls } from '../metered-calls.js';
import type { AddressTarget, AllocateRequest, AllocateResult, AllocationParams, CloudAddress, Provider } from '../provider.js';
import { TargetCache } from '../target-cache.js';
import { type AlibabaEipAddress, isBoundToPrimaryIp, toCloudAddress } from './address-mapping.js';
import {
  type AlibabaClientOptions,
  type AlibabaCredential,
  type EcsClient,
  type VpcClient,
  createAlibabaClients,
  ecsSdk,
  requireCredentials,
  vpcSdk,
} from './alibaba-clients.js';
import { alibabaCodeConcernsIds, alibabaCodeMeansTargetGone, classifyAlibabaCode } from './error-classification.js';
import { PendingJoins } from './pending-joins.js';
import { fitTagValues } from './tag-values.js';

/**
 * api.aliyun.com flow control: AllocateEipAddress and AssociateEipAddress 120 per 60 s, so a minute's
 * 120 may go at once and then 2/s on average; others as Terway's default, 500/min.
 */
export const ALIBABA_RATE_LIMITS: RateLimits = {
  perSecond: { AllocateEipAddress: 2, AssociateEipAddress: 2 },
  defaultPerSecond: 500 / 60,
  burst: { AllocateEipAddress: 120, AssociateEipAddress: 120 },
};

/** DescribeEipAddresses takes at most 50 comma-separated AllocationIds, and pages of at most 100. */
const IDS_PER_DESCRIBE = 50;
const PAGE_SIZE = 100;
/** ECS DescribeNetworkInterfaces takes at most 100 NetworkInterfaceId.N. */
const ENIS_PER_DESCRIBE = 100;
const ENI = 'NetworkInterface';
/** TagResources / UnTagResources `ResourceType` of an EIP. */
const EIP = 'EIP';

/** `AllocationParams.parameters` as the Alibaba dialect writes them (AllocateEipAddress names). */
export interface AlibabaAllocationParameters {
  InstanceChargeType?: string;
  /** Joined after allocation, left before release (AllocateEipAddress has no such parameter). */
  CommonBandwidthPackageId?: string;
  PublicIpAddressPoolId?: string;
  ResourceGroupId?: string;
  Name?: string;
  Description?: string;
  SecurityProtectionTypes?: string[];
  Tags?: Record<string, string>;
}

export interface AlibabaProviderOptions extends AlibabaClientOptions {
  rateLimits?: RateLimits;
  observer?: CloudCallObserver;
  /** How long a resolved pod IP → ENI mapping is trusted. */
  targetCacheMs?: number;
  /** Look pod IPs up in this VPC only. */
  vpcId?: string;
  /** How often a throttled call is tried again (each time after the slowed-down limiter lets it go); default 3. */
  throttleRetries?: number;
}

interface SdkFailure {
  code?: string;
  statusCode?: number;
  requestId?: string;
  message?: string;
  data?: { Message?: string; RequestId?: string };
}

export class AlibabaProvider implements Provider {
  readonly name = 'alibaba' as const;
  /** An association takes about as long as a Tencent step, 1–3 s (issue 10). */
  readonly expectedStep = { fromMs: 1_000, toMs: 3_000 };
  private readonly vpc: VpcClient;
  private readonly ecs: EcsClient;
  private readonly credential: AlibabaCredential;
  private readonly region: string;
  private readonly vpcId: string | undefined;
  private readonly limiter: ActionRateLimiter;
  private readonly calls: MeteredCalls;
  private readonly targets: TargetCache;
  private readonly pendingJoins = new PendingJoins();
  private readonly throttleRetries: number;
  /** ENI id → its primary private IP, which never changes while the ENI exists. */
  private readonly primaryIps = new Map<string, string>();

  constructor(options: AlibabaProviderOptions) {
    ({ vpc: this.vpc, ecs: this.ecs, credential: this.credential } = createAlibabaClients(options));
    this.region = options.region;
    this.vpcId = options.vpcId;
    this.limiter = new ActionRateLimiter(options.rateLimits ?? ALIBABA_RATE_LIMITS);
    this.calls = new MeteredCalls(this.name, this.limiter, options, (action, error) => this.failure(action, error));
    this.targets = new TargetCache({ ttlMs: options.targetCacheMs ?? 300_000 });
    this.throttleRetries = options.throttleRetries ?? 3;
  }

  async allocate(request: AllocateRequest): Promise<AllocateResult> {
    const { Tags: userTags, CommonBandwidthPackageId: packageId, ...rest } = request.allocation.parameters as AlibabaAllocationParameters;
    const tags = { ...userTags, ...fitTagValues(request.tags) };
    const body = await this.call('AllocateEipAddress', () =>
      this.vpc.allocateEipAddress(
        new vpcSdk.AllocateEipAddressRequest({
          regionId: this.region,
          bandwidth: String(request.allocation.bandwidthMbps),
          ISP: request.allocation.isp,
          internetChargeType: request.allocation.chargeType,
          instanceChargeType: rest.InstanceChargeType ?? 'PostPaid',
          publicIpAddressPoolId: rest.PublicIpAddressPoolId,
          resourceGroupId: rest.ResourceGroupId,
          name: rest.Name,
          description: rest.Description,
          securityProtectionTypes: rest.SecurityProtectionTypes,
          tag: Object.entries(tags).map(([key, value]) => new vpcSdk.AllocateEipAddressRequestTag({ key, value })),
          clientToken: request.clientToken,
        }),
      ),
    );
    if (!body.allocationId) throw this.failure('AllocateEipAddress', { code: 'InternalError', statusCode: 200, message: 'no allocation id in the reply' });
    if (packageId) await this.joinBandwidthPackage(body.allocationId, packageId);
    return { addressId: body.allocationId, publicIp: body.eipAddress };
  }

  async describeByIds(addressIds: string[]): Promise<CloudAddress[]> {
    const batches: AlibabaEipAddress[][] = [];
    for (let start = 0; start < addressIds.length; start += IDS_PER_DESCRIBE) {
      batches.push(await this.describe({ allocationId: addressIds.slice(start, start + IDS_PER_DESCRIBE).join(',') }));
    }
    return this.toCloudAddresses(batches.flat());
  }

  async describeByTags(tags: Record<string, string>): Promise<CloudAddress[]> {
    const tag = Object.entries(fitTagValues(tags)).map(([key, value]) => new vpcSdk.DescribeEipAddressesRequestTag(value === '' ? { key } : { key, value }));
    return this.toCloudAddresses(await this.describe({ tag }));
  }

  async associate(addressId: string, target: AddressTarget): Promise<void> {
    try {
      await this.call('AssociateEipAddress', () =>
        this.vpc.associateEipAddress(
          new vpcSdk.AssociateEipAddressRequest({ regionId: this.region, allocationId: addressId, ...this.bindingOf(target) }),
        ),
      );
    } catch (error) {
      if (error instanceof CloudError && alibabaCodeMeansTargetGone(error.code)) this.targets.forget(target.privateIp);
      throw error;
    }
  }

  /** With a target, the cloud refuses (IncorrectEipStatus) to unbind an address that now points elsewhere. */
  async disassociate(addressId: string, target?: AddressTarget): Promise<void> {
    await this.call('UnassociateEipAddress', () =>
      this.vpc.unassociateEipAddress(
        new vpcSdk.UnassociateEipAddressRequest({ regionId: this.region, allocationId: addressId, ...(target ? this.unbindingOf(target) : {}) }),
      ),
    );
  }

  async release(addressId: string): Promise<void> {
    const [eip] = await this.describe({ allocationId: addressId });
    this.pendingJoins.forget(addressId);
    if (!eip) return;
    if (eip.bandwidthPackageId) await this.leaveBandwidthPackage(addressId, eip.bandwidthPackageId);
    await this.unlessCode(['InvalidAllocationId.NotFound'], () =>
      this.call('ReleaseEipAddress', () => this.vpc.releaseEipAddress(new vpcSdk.ReleaseEipAddressRequest({ regionId: this.region, allocationId: addressId }))),
    );
  }

  async tagAddress(addressId: string, tags: Record<string, string>): Promise<void> {
    const tag = Object.entries(tags).map(([key, value]) => new vpcSdk.TagResourcesRequestTag({ key, value }));
    await this.call('TagResources', () =>
      this.vpc.tagResources(new vpcSdk.TagResourcesRequest({ regionId: this.region, resourceType: EIP, resourceId: [addressId], tag })),
    );
  }

  async untagAddress(addressId: string, keys: string[]): Promise<void> {
    await this.call('UnTagResources', () =>
      this.vpc.unTagResources(new vpcSdk.UnTagResourcesRequest({ regionId: this.region, resourceType: EIP, resourceId: [addressId], tagKey: keys })),
    );
  }

  /**
   * Joins the package the claim names when the address is not in it (the join after allocation
   * failed); while the cloud still runs an accepted join, only waits for it (true: look again).
   */
  async completeAllocation(address: CloudAddress, allocation: AllocationParams): Promise<boolean> {
    const packageId = (allocation.parameters as AlibabaAllocationParameters).CommonBandwidthPackageId;
    if (!packageId) return false;
    if (this.pendingJoins.isRunning(address, packageId)) return true;
    if (address.bandwidthPackageId === packageId) return false;
    await this.joinBandwidthPackage(address.id, packageId);
    return true;
  }

  resolveTarget(privateIp: string): Promise<AddressTarget | undefined> {
    return this.targets.resolve(privateIp, () => this.findInterfaceOf(privateIp));
  }

  close(): void {
    this.limiter.close();
  }

  private bindingOf(target: AddressTarget): { instanceType: string; instanceId: string; privateIpAddress: string } {
    return { instanceType: ENI, instanceId: target.networkInterfaceId, privateIpAddress: target.privateIp };
  }

  /** A binding to an ENI's primary IP may have been made without naming it, so only the ENI is checked. */
  private unbindingOf(target: AddressTarget): { instanceType: string; instanceId: string; privateIpAddress?: string } {
    const { privateIpAddress, ...eni } = this.bindingOf(target);
    return this.primaryIps.get(target.networkInterfaceId) === target.privateIp ? eni : { ...eni, privateIpAddress };
  }

  /** A replayed allocation may already be in the package; in any other package it is an error. */
  private async joinBandwidthPackage(addressId: string, packageId: string): Promise<void> {
    try {
      await this.call('AddCommonBandwidthPackageIp', () =>
        this.vpc.addCommonBandwidthPackageIp(
          new vpcSdk.AddCommonBandwidthPackageIpRequest({ regionId: this.region, bandwidthPackageId: packageId, ipInstanceId: addressId }),
        ),
      );
      this.pendingJoins.started(addressId, packageId);
    } catch (error) {
      if (!(error instanceof CloudError && error.code === 'OperationUnsupported.EipInCbwp')) throw error;
      const [eip] = await this.describe({ allocationId: addressId });
      if (eip?.bandwidthPackageId !== packageId) throw error;
    }
  }

  private async leaveBandwidthPackage(addressId: string, packageId: string): Promise<void> {
    await this.unlessCode(['OperationUnsupported.IpNotInCbwp', 'InvalidBandwidthPackageId.NotFound', 'InvalidAllocationId.NotFound'], () =>
      this.call('RemoveCommonBandwidthPackageIp', () =>
        this.vpc.removeCommonBandwidthPackageIp(
          new vpcSdk.RemoveCommonBandwidthPackageIpRequest({ regionId: this.region, bandwidthPackageId: packageId, ipInstanceId: addressId }),
        ),
      ),
    );
  }

  /** Runs a step whose failure with one of these codes means its work is already done. */
  private async unlessCode(codes: string[], step: () => Promise<unknown>): Promise<void> {
    try {
      await step();
    } catch (error) {
      if (!(error instanceof CloudError && codes.includes(error.code))) throw error;
    }
  }

  /** Every page of one DescribeEipAddresses query. */
  private async describe(filter: { allocationId?: string; tag?: InstanceType<typeof vpcSdk.DescribeEipAddressesRequestTag>[] }): Promise<AlibabaEipAddress[]> {
    const found: AlibabaEipAddress[] = [];
    for (let pageNumber = 1; ; pageNumber += 1) {
      const body = await this.call('DescribeEipAddresses', () =>
        this.vpc.describeEipAddresses(new vpcSdk.DescribeEipAddressesRequest({ regionId: this.region, pageNumber, pageSize: PAGE_SIZE, ...filter })),
      );
      const page = body.eipAddresses?.eipAddress ?? [];
      found.push(...page);
      if (page.length < PAGE_SIZE || found.length >= (body.totalCount ?? 0)) return found;
    }
  }

  /** Bindings to an ENI's primary IP are named by that IP, so they compare equal to a pod target on it. */
  private async toCloudAddresses(eips: AlibabaEipAddress[]): Promise<CloudAddress[]> {
    const unknown = [...new Set(eips.filter(isBoundToPrimaryIp).map((eip) => eip.instanceId!))].filter((id) => !this.primaryIps.has(id));
    for (let start = 0; start < unknown.length; start += ENIS_PER_DESCRIBE) await this.learnPrimaryIps(unknown.slice(start, start + ENIS_PER_DESCRIBE));
    return eips.map((eip) => toCloudAddress(eip, (networkInterfaceId) => this.primaryIps.get(networkInterfaceId)));
  }

  private async learnPrimaryIps(networkInterfaceIds: string[]): Promise<void> {
    const body = await this.call('DescribeNetworkInterfaces', () =>
      this.ecs.describeNetworkInterfaces(
        new ecsSdk.DescribeNetworkInterfacesRequest({ regionId: this.region, networkInterfaceId: networkInterfaceIds, pageSize: PAGE_SIZE }),
      ),
    );
    for (const eni of body.networkInterfaceSets?.networkInterfaceSet ?? []) {
      if (eni.networkInterfaceId && eni.privateIpAddress) this.primaryIps.set(eni.networkInterfaceId, eni.privateIpAddress);
    }
  }

  private async findInterfaceOf(privateIp: string): Promise<AddressTarget | undefined> {
    const body = await this.call('DescribeNetworkInterfaces', () =>
      this.ecs.describeNetworkInterfaces(
        new ecsSdk.DescribeNetworkInterfacesRequest({ regionId: this.region, vpcId: this.vpcId, privateIpAddress: [privateIp], pageSize: PAGE_SIZE }),
      ),
    );
    const eni = (body.networkInterfaceSets?.networkInterfaceSet ?? []).find(
      (candidate) => candidate.privateIpAddress === privateIp || (candidate.privateIpSets?.privateIpSet ?? []).some((ip) => ip.privateIpAddress === privateIp),
    );
    return eni?.networkInterfaceId ? { networkInterfaceId: eni.networkInterfaceId, privateIp } : undefined;
  }

  /** One API call through the limiter; a throttled reply slows the action down and is tried again. */
  private call<T>(action: string, send: () => Promise<{ body?: T }>): Promise<T> {
    const attempt = async () => {
      await requireCredentials(this.credential);
      const response = await send();
      if (!response.body) throw { code: 'InternalError', statusCode: 200, message: 'empty reply' } satisfies SdkFailure;
      return response.body;
    };
    return this.calls.runRetryingThrottled(action, attempt, this.throttleRetries);
  }

  /** SDK errors carry the cloud's code and HTTP status; without them the request got no answer (the code is then Node's, e.g. ECONNREFUSED). */
  private failure(action: string, thrown: unknown): CloudError {
    const error = thrown as SdkFailure;
    const code = thrown instanceof MissingCredentialsError ? MISSING_CREDENTIALS : answeredCode(error);
    const { kind, documented } = classifyAlibabaCode(action, code);
    return new CloudError({
      kind,
      undocumented: !documented,
      concernsIds: alibabaCodeConcernsIds(code),
      provider: this.name,
      action,
      code,
      requestId: error.requestId ?? error.data?.RequestId ?? '',
      message: error.data?.Message ?? error.message ?? String(error),
    });
  }
}

function answeredCode(error: SdkFailure): string {
  const answered = error.statusCode !== undefined || error.requestId !== undefined;
  return answered ? (error.code ?? '') : '';
}
