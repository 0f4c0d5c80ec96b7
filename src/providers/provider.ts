/**
 * The cloud adapter contract. Reconcilers only ever see these types; each provider
 * (src/providers/<name>/) owns its SDK, its state mapping and its error classification.
 */
export type ProviderName = 'tencent' | 'alibaba';

/** Normalized address lifecycle; `rawStatus` keeps the cloud's own word for logs and events. */
export type AddressState = 'Creating' | 'Available' | 'Binding' | 'Bound' | 'Unbinding' | 'Releasing' | 'Unknown';

/** Where an address points: the pod's VPC private IP and the ENI holding it. */
export interface AddressTarget {
  networkInterfaceId: string;
  privateIp: string;
}

export interface CloudAddress {
  id: string;
  /** Empty while the cloud has not assigned one yet. */
  publicIp: string;
  state: AddressState;
  rawStatus: string;
  /** Set when bound (or binding) to an ENI private IP. */
  target?: AddressTarget;
  /** Set when bound to something that is not an ENI private IP (a VM, a NAT gateway...). */
  boundToOther?: string;
  /** The shared bandwidth package the address is in (Alibaba common bandwidth package), if any. */
  bandwidthPackageId?: string;
  tags: Record<string, string>;
  /** When the cloud created the address (ISO 8601), where it says: the orphan grace period counts from here across restarts. */
  createdAt?: string;
}

/** Provider-neutral allocation parameters; `parameters` carries provider-specific keys verbatim. */
export interface AllocationParams {
  bandwidthMbps: number;
  isp: string;
  chargeType: string;
  parameters: Record<string, unknown>;
}

export interface AllocateRequest {
  /** Idempotency token, stable for one claim (derived from its UID). */
  clientToken: string;
  /** Tags written at creation; the provider adds them to whatever tags `parameters` carries. */
  tags: Record<string, string>;
  allocation: AllocationParams;
  /** Whose address it is (`namespace/name` of the claim, `EIPPool NAME`), for a cloud that shows a name in its console. */
  owner?: string;
}

export interface AllocateResult {
  addressId: string;
  /** Known at once on some clouds; otherwise read it later with describe. */
  publicIp?: string;
}

/** When an asynchronous step (allocating, binding, unbinding) usually ends, counted from its write. */
export interface StepWindow {
  fromMs: number;
  toMs: number;
}

export interface Provider {
  readonly name: ProviderName;
  /** Declared by a cloud whose steps take seconds: podeip looks close together within it (PollDelays). */
  readonly expectedStep?: StepWindow;
  allocate(request: AllocateRequest): Promise<AllocateResult>;
  /** Batched read; ids the cloud does not know are simply absent from the result. */
  describeByIds(addressIds: string[]): Promise<CloudAddress[]>;
  /** Every address carrying all of these tags (value '' = any value), all pages. */
  describeByTags(tags: Record<string, string>): Promise<CloudAddress[]>;
  associate(addressId: string, target: AddressTarget): Promise<void>;
  /** `target` is where podeip believes the address points; providers that need it to unbind use it. */
  disassociate(addressId: string, target?: AddressTarget): Promise<void>;
  release(addressId: string): Promise<void>;
  /** Adds these tags to the address, overwriting a key it already carries; its other tags stay. */
  tagAddress(addressId: string, tags: Record<string, string>): Promise<void>;
  /** Removes these tag keys from the address; a key it does not carry is no error. */
  untagAddress(addressId: string, keys: string[]): Promise<void>;
  /**
   * Finishes the steps allocation asked for beyond creating the address, when an earlier attempt
   * stopped half-way (Alibaba: joining the common bandwidth package). Resolves true when it changed
   * something. Providers whose allocation is one call leave it out.
   */
  completeAllocation?(address: CloudAddress, allocation: AllocationParams): Promise<boolean>;
  /**
   * How many addresses the account may hold at once in this region, for podeip_address_quota.
   * Providers whose cloud has no such read in the API podeip uses (Alibaba) leave it out.
   */
  quota?(): Promise<number>;
  /** The ENI holding this VPC private IP, or undefined when no ENI holds it (yet). */
  resolveTarget(privateIp: string): Promise<AddressTarget | undefined>;
  /** Stops timers / rate limiters. */
  close(): void;
}

/** A cloud timestamp as ISO 8601, or undefined when the cloud sent none, a non-string or one that does not parse. */
export function isoTimeOf(cloudTime: string | null | undefined): string | undefined {
  const ms = typeof cloudTime === 'string' ? Date.parse(cloudTime) : Number.NaN;
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
