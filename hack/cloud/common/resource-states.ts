/**
 * States of the resources around an address that make the clouds refuse to bind it, set through the
 * admin API: an instance stopped or migrating, an ENI detached or being attached, an address in
 * arrears (overdue payment) or blocked. Each provider answers them with its own documented codes.
 */
import { AdminInputError } from './cloud-emulator.js';

export const RESOURCE_STATES = ['stopped', 'migrating', 'detached', 'attaching', 'arrears', 'blocked'] as const;
export type ResourceState = (typeof RESOURCE_STATES)[number];

/** `state: null` clears the resource's state. */
export interface ResourceStateSetting {
  /** An instance, ENI or address id. */
  resourceId: string;
  state: ResourceState | null;
}

export class ResourceStates {
  private readonly states = new Map<string, ResourceState>();

  set(setting: ResourceStateSetting): void {
    if (typeof setting?.resourceId !== 'string' || setting.resourceId === '') throw new AdminInputError('resourceId is required');
    if (setting.state === null) {
      this.states.delete(setting.resourceId);
      return;
    }
    if (!RESOURCE_STATES.includes(setting.state)) throw new AdminInputError(`state must be one of ${RESOURCE_STATES.join(', ')} or null`);
    this.states.set(setting.resourceId, setting.state);
  }

  of(resourceId: string | undefined): ResourceState | undefined {
    return resourceId === undefined ? undefined : this.states.get(resourceId);
  }

  /** The entry of `table` for the resource's state, if it has one. */
  entryOf<T>(table: Partial<Record<ResourceState, T>>, resourceId: string | undefined): T | undefined {
    const state = this.of(resourceId);
    return state === undefined ? undefined : table[state];
  }

  list(): ResourceStateSetting[] {
    return [...this.states].map(([resourceId, state]) => ({ resourceId, state }));
  }

  clear(): void {
    this.states.clear();
  }
}
