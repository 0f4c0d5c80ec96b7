import type { CallCounts } from './call-log.js';
import type { FaultSpec } from './fault-injector.js';
import type { AsyncStepDelays, CompletedStep } from './transition-scheduler.js';
import type { ResourceStateSetting } from './resource-states.js';

/** One address as every emulator's admin API shows it; `status` is the provider's own status string. */
export interface AdminAddress {
  addressId: string;
  publicIp: string;
  status: string;
  networkInterfaceId?: string;
  privateIp?: string;
  instanceId?: string;
  tags: Record<string, string>;
  name?: string;
  bandwidthMbps?: number;
  internetChargeType?: string;
  isp?: string;
  createdAt?: string;
}

export interface AdminPrivateIp {
  address: string;
  primary: boolean;
  /** The address bound to this private IP, if any. */
  addressId?: string;
  publicIp?: string;
}

export interface AdminEni {
  networkInterfaceId: string;
  nodeName: string;
  instanceId: string;
  vpcId: string;
  subnetId: string;
  primary: boolean;
  privateIps: AdminPrivateIp[];
}

/** Out-of-band creation of an address (as if made in the console), optionally already bound. */
export interface CreateAddressInput {
  publicIp?: string;
  tags?: Record<string, string>;
  name?: string;
  /** Bind to this ENI's private IP (both given), which may be one podeip doesn't know. */
  networkInterfaceId?: string;
  privateIp?: string;
  /** Bind to an instance (e.g. a CVM/ECS podeip doesn't know). */
  instanceId?: string;
}

/** The admin operations, in-process; the HTTP admin API under /_admin exposes the same. */
export interface EmulatorAdmin {
  addresses(): AdminAddress[];
  enis(): AdminEni[];
  calls(): CallCounts;
  createAddress(input: CreateAddressInput): AdminAddress;
  /** Many at once, in order (seeding large states); on bad input the ones before it stay and it throws AdminInputError naming the index. */
  createAddresses(inputs: CreateAddressInput[]): AdminAddress[];
  setFault(fault: FaultSpec): void;
  faults(): FaultSpec[];
  /** Clears one action's fault or all faults; hanging calls then proceed. */
  clearFaults(action?: string): void;
  /** Account EIP quota (addresses that may exist at once). */
  setQuota(limit: number): void;
  /** Every asynchronous step takes a seeded pick in [minMs, maxMs] (production-like); undefined: the provider's own short delays again. */
  setAsyncStepDelays(delays: AsyncStepDelays | undefined): void;
  /** The latest asynchronous steps the cloud finished (up to 1,000), oldest first. */
  asyncSteps(): CompletedStep[];
  /** Forgets addresses, faults, calls, tokens, rate-limit state and pending transitions; restores the quota and the provider's delays. */
  reset(): void;
  /** Resolves when no asynchronous transition is pending. */
  settled(): Promise<void>;
  /** Resolves once at least `count` calls are held by a `hang` fault. */
  untilHanging(count?: number): Promise<void>;
  /** Sets (or with `state: null` clears) the state of an instance, ENI or address (resource-states.ts). */
  setResourceState(setting: ResourceStateSetting): void;
  resourceStates(): ResourceStateSetting[];
}

export interface CloudEmulator {
  /** Base URL for the SDKs, e.g. http://127.0.0.1:PORT */
  readonly endpoint: string;
  /** e.g. http://127.0.0.1:PORT/_admin */
  readonly adminUrl: string;
  readonly admin: EmulatorAdmin;
  close(): Promise<void>;
}

/** Bad admin input (HTTP 400 on the admin API). */
export class AdminInputError extends Error {}
