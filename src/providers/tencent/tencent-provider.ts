/** The Provider for Tencent Cloud VPC 2017-03-12 (and Tag 2018-08-13 for tagging) over tencentcloud-sdk-nodejs. */
import { ActionRateLimiter, type RateLimits } from '../action-rate-limiter.js';
import { CloudError, MISSING_CREDENTIALS, MissingCredentialsError } from '../cloud-error.js';
import type { CloudCallObserver } from '../cloud-call-observer.js';
import { MeteredCalls } from '../metered-calls.js';
import type { AddressTarget, AllocateRequest, AllocateResult, CloudAddress, Provider } from '../provider.js';
import { addressNameOf } from './address-name.js';
import { type TencentAddress, toCloudAddress } from './address-mapping.js';
import { classifyTencentCode, tencentCodeConcernsIds, tencentCodeMeansTargetChanged } from './error-classification.js';
import { createTagClient, createVpcClient, requireCredentials, type TagClient, type TencentClientOptions, type VpcClient } from './tencent-client.js';
import { TargetCache } from '../target-cache.js';

/** Tag API limits: tencentcloud.com/document/api/651/33003 (TagResources, UnTagResources: 20/s). */
export const TENCENT_RATE_LIMITS: RateLimits = {
  perSecond: { DescribeAddresses: 20, DescribeNetworkInterfaces: 20, DescribeTaskResult: 20, TagResources: 20, UnTagResources: 20 },
  defaultPerSecond: 10,
};

const PAGE_SIZE = 100;
/** As the Alibaba provider tries a throttled call again. */
const DESCRIBE_THROTTLE_RETRIES = 3;

/**
 * The Tag API names an EIP by its six-segment resource description; an empty uin means the caller's
 * own account (cloud.tencent.com/document/product/598/10606).
 */
function eipResourceName(region: string, addressId: string): string {
  return `qcs::cvm:${region}:uin/:eip/${addressId}`;
}

interface TagReply {
  FailedResources?: { Resource?: string; Code?: string; Message?: string }[];
}

export interface TencentProviderOptions extends TencentClientOptions {
  rateLimits?: RateLimits;
  observer?: CloudCallObserver;
  /** How long a resolved pod IP → ENI mapping is trusted. */
  targetCacheMs?: number;
  /** Look pod IPs up in this VPC only (VPCs may overlap, so one IP can exist in several). */
  vpcId?: string;
}

interface SdkFailure {
  code?: string;
  requestId?: string;
  message?: string;
}

export class TencentProvider implements Provider {
  readonly name = 'tencent' as const;
  /** Its writes are asynchronous tasks of about 1–3 s each (issue 10). */
  readonly expectedStep = { fromMs: 1_000, toMs: 3_000 };
  private readonly client: VpcClient;
  private readonly tagClient: TagClient;
  private readonly region: string;
  private readonly limiter: ActionRateLimiter;
  private readonly calls: MeteredCalls;
  private readonly targets: TargetCache;
  private readonly vpcId: string | undefined;

  constructor(options: TencentProviderOptions) {
    this.client = createVpcClient(options);
    this.tagClient = createTagClient(options);
    this.region = options.region;
    this.vpcId = options.vpcId;
    this.limiter = new ActionRateLimiter(options.rateLimits ?? TENCENT_RATE_LIMITS);
    this.calls = new MeteredCalls(this.name, this.limiter, options, (action, error) => this.failure(action, error as SdkFailure));
    this.targets = new TargetCache({ ttlMs: options.targetCacheMs ?? 300_000 });
  }

  async allocate(request: AllocateRequest): Promise<AllocateResult> {
    const { Tags: userTags, ...rest } = request.allocation.parameters as { Tags?: { Key: string; Value: string }[] };
    const ourTags = Object.entries(request.tags).map(([Key, Value]) => ({ Key, Value }));
    const response = await this.call<{ AddressSet?: string[] }>('AllocateAddresses', {
      ...(request.owner ? { AddressName: addressNameOf(request.owner) } : {}),
      ...rest,
      AddressCount: 1,
      InternetServiceProvider: request.allocation.isp,
      InternetChargeType: request.allocation.chargeType,
      InternetMaxBandwidthOut: request.allocation.bandwidthMbps,
      Tags: [...(userTags ?? []), ...ourTags],
      ClientToken: request.clientToken,
    });
    const addressId = response.AddressSet?.[0];
    if (!addressId) throw this.failure('AllocateAddresses', { code: 'InternalError', message: 'no address id in the reply' });
    return { addressId };
  }

  async describeByIds(addressIds: string[]): Promise<CloudAddress[]> {
    const pages: CloudAddress[][] = [];
    for (let start = 0; start < addressIds.length; start += PAGE_SIZE) {
      const ids = addressIds.slice(start, start + PAGE_SIZE);
      pages.push(await this.describePage({ AddressIds: ids, Limit: PAGE_SIZE }).then((page) => page.addresses));
    }
    return pages.flat();
  }

  async describeByTags(tags: Record<string, string>): Promise<CloudAddress[]> {
    const Filters = Object.entries(tags).map(([key, value]) =>
      value === '' ? { Name: 'tag-key', Values: [key] } : { Name: `tag:${key}`, Values: [value] },
    );
    const found: CloudAddress[] = [];
    for (let offset = 0; ; offset += PAGE_SIZE) {
      const page = await this.describePage({ Filters, Offset: offset, Limit: PAGE_SIZE });
      found.push(...page.addresses);
      if (page.addresses.length < PAGE_SIZE || found.length >= page.total) return found;
    }
  }

  async associate(addressId: string, target: AddressTarget): Promise<void> {
    try {
      await this.call('AssociateAddress', { AddressId: addressId, NetworkInterfaceId: target.networkInterfaceId, PrivateIpAddress: target.privateIp });
    } catch (error) {
      if (error instanceof CloudError && tencentCodeMeansTargetChanged(error.code)) this.targets.forget(target.privateIp);
      throw error;
    }
  }

  async disassociate(addressId: string): Promise<void> {
    await this.call('DisassociateAddress', { AddressId: addressId });
  }

  async release(addressId: string): Promise<void> {
    await this.call('ReleaseAddresses', { AddressIds: [addressId] });
  }

  async tagAddress(addressId: string, tags: Record<string, string>): Promise<void> {
    const Tags = Object.entries(tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue }));
    await this.tagCall('TagResources', { ResourceList: [eipResourceName(this.region, addressId)], Tags });
  }

  async untagAddress(addressId: string, keys: string[]): Promise<void> {
    await this.tagCall('UnTagResources', { ResourceList: [eipResourceName(this.region, addressId)], TagKeys: keys });
  }

  async quota(): Promise<number> {
    const response = await this.call<{ QuotaSet?: { QuotaId?: string; QuotaLimit?: number }[] }>('DescribeAddressQuota', {});
    const limit = response.QuotaSet?.find((quota) => quota.QuotaId === 'TOTAL_EIP_QUOTA')?.QuotaLimit;
    if (typeof limit !== 'number') throw this.failure('DescribeAddressQuota', { code: 'InternalError', message: 'no TOTAL_EIP_QUOTA in the reply' });
    return limit;
  }

  resolveTarget(privateIp: string): Promise<AddressTarget | undefined> {
    return this.targets.resolve(privateIp, () => this.findInterfaceOf(privateIp));
  }

  close(): void {
    this.limiter.close();
  }

  /** A single `address-ip` value is a suffix match unless `ip-exact-match` says otherwise. */
  private async findInterfaceOf(privateIp: string): Promise<AddressTarget | undefined> {
    const Filters = [
      { Name: 'address-ip', Values: [privateIp] },
      { Name: 'ip-exact-match', Values: ['true'] },
      ...(this.vpcId ? [{ Name: 'vpc-id', Values: [this.vpcId] }] : []),
    ];
    const response = await this.call<{ NetworkInterfaceSet?: { NetworkInterfaceId?: string; PrivateIpAddressSet?: { PrivateIpAddress?: string }[] }[] }>(
      'DescribeNetworkInterfaces',
      { Filters, Limit: PAGE_SIZE },
    );
    const eni = (response.NetworkInterfaceSet ?? []).find((candidate) =>
      (candidate.PrivateIpAddressSet ?? []).some((ip) => ip.PrivateIpAddress === privateIp),
    );
    return eni?.NetworkInterfaceId ? { networkInterfaceId: eni.NetworkInterfaceId, privateIp } : undefined;
  }

  /** A throttled page is tried again: one must not throw away the pages before it (the sync of 10,000 addresses is 100 pages). */
  private async describePage(request: object): Promise<{ addresses: CloudAddress[]; total: number }> {
    const response = await this.call<{ AddressSet?: TencentAddress[]; TotalCount?: number }>('DescribeAddresses', request, this.client, DESCRIBE_THROTTLE_RETRIES);
    const addresses = (response.AddressSet ?? []).map(toCloudAddress);
    return { addresses, total: response.TotalCount ?? addresses.length };
  }

  private call<T>(action: string, request: object, client: VpcClient | TagClient = this.client, throttleRetries = 0): Promise<T> {
    const send = async () => {
      await requireCredentials(client);
      return (await client.request(action, request)) as T;
    };
    return this.calls.runRetryingThrottled(action, send, throttleRetries);
  }

  /** A Tag API write answers a refusal for one resource in FailedResources, not as an error. */
  private async tagCall(action: string, request: object): Promise<void> {
    const reply = await this.call<TagReply>(action, request, this.tagClient);
    const [failed] = reply.FailedResources ?? [];
    if (failed) throw this.failure(action, { code: failed.Code ?? '', message: `${failed.Resource ?? ''}: ${failed.Message ?? ''}` });
  }

  private failure(action: string, error: SdkFailure): CloudError {
    const code = error instanceof MissingCredentialsError ? MISSING_CREDENTIALS : (error.code ?? '');
    const { kind, documented } = classifyTencentCode(action, code);
    return new CloudError({
      kind,
      undocumented: !documented,
      concernsIds: tencentCodeConcernsIds(code),
      provider: this.name,
      action,
      code,
      requestId: error.requestId ?? '',
      message: error.message ?? String(error),
    });
  }
}
