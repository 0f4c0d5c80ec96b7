import type { PodNetwork } from '../../network/pod-network.js';
import type { EmulatorKit } from '../common/index.js';
import type { TencentAddressBook } from './address-book.js';

/** Delay of the second half of each asynchronous operation. */
export interface TransitionDelays {
  /** CREATING → UNBIND */
  create: number;
  /** BINDING → BIND */
  bind: number;
  /** UNBINDING → UNBIND */
  unbind: number;
  /** OFFLINING → gone */
  release: number;
}

export const DEFAULT_DELAYS_MS: TransitionDelays = { create: 20, bind: 50, unbind: 50, release: 20 };

/** What every action handler works with. */
export interface TencentContext {
  kit: EmulatorKit;
  network: PodNetwork;
  book: TencentAddressBook;
  delays: TransitionDelays;
  region: string;
  /** Allocations per day (documented: quota × 2); undefined = quota × 2 at call time; false = unlimited. */
  dailyAllocateLimit: number | false | undefined;
}

export type ActionHandler = (parameters: Record<string, unknown>, context: TencentContext) => Record<string, unknown>;
