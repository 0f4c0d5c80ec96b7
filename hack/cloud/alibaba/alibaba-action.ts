/** What every emulated Alibaba Cloud API action gets to work with, and how an action is declared. */
import type { PodNetwork } from '../../network/pod-network.js';
import type { ResourceStates } from '../common/resource-states.js';
import type { TransitionScheduler } from '../common/transition-scheduler.js';
import type { EipInventory } from './eip-inventory.js';
import type { RpcParameters } from './rpc-parameters.js';

export const VPC_VERSION = '2016-04-28';
export const ECS_VERSION = '2014-05-26';

/** How long each asynchronous EIP operation stays in its transitional state. */
export interface AlibabaDelays {
  associateMs: number;
  unassociateMs: number;
  releaseMs: number;
  /** An AddCommonBandwidthPackageIp / RemoveCommonBandwidthPackageIp task (BINDING / UNBINDING). */
  bandwidthPackageMs: number;
}

export interface AlibabaContext {
  regionId: string;
  network: PodNetwork;
  eips: EipInventory;
  bandwidthPackageIds: ReadonlySet<string>;
  scheduler: TransitionScheduler;
  delays: AlibabaDelays;
  /** Instance, ENI and EIP states set through the admin API. */
  resourceStates: ResourceStates;
  /** A settled EIP written again sooner than this gets TaskConflict (0: never). */
  minOperationIntervalMs: number;
  now(): number;
}

export type ResponseBody = Record<string, unknown>;

export interface AlibabaAction {
  name: string;
  version: typeof VPC_VERSION | typeof ECS_VERSION;
  /** Accepted parameter names besides the common ones; `N` stands for a list index. */
  parameters: readonly string[];
  handle(parameters: RpcParameters, context: AlibabaContext): ResponseBody;
}
