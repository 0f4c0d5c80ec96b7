import type { PodNetwork } from '../../network/pod-network.js';
import {
  AdminInputError,
  ClientTokenStore,
  type AddressBook,
  type AdminAddress,
  type CreateAddressInput,
  type EmulatorKit,
} from '../common/index.js';
import { toAdminAddress, type TencentAddress, type TencentTag } from './tencent-address.js';
import { TaskStore } from './task-store.js';

export interface AllocationResult {
  AddressSet: string[];
  TaskId: string;
}

/** Every EIP of the emulated account, plus the account-wide bookkeeping around them. */
export class TencentAddressBook implements AddressBook {
  readonly tasks = new TaskStore();
  readonly allocationTokens = new ClientTokenStore<AllocationResult>();
  private readonly records = new Map<string, TencentAddress>();
  private allocationsByDay = new Map<string, number>();

  constructor(
    private readonly kit: EmulatorKit,
    private readonly network: PodNetwork,
  ) {}

  all(): TencentAddress[] {
    return [...this.records.values()];
  }

  get(addressId: string): TencentAddress | undefined {
    return this.records.get(addressId);
  }

  /** The address bound (or being bound) to this ENI private IP. */
  boundTo(networkInterfaceId: string, privateIp: string): TencentAddress | undefined {
    return this.all().find(
      (address) => address.networkInterfaceId === networkInterfaceId && address.privateIp === privateIp,
    );
  }

  add(fields: Omit<TencentAddress, 'addressId' | 'publicIp' | 'createdTime'> & { publicIp?: string }): TencentAddress {
    const address: TencentAddress = {
      ...fields,
      addressId: this.newAddressId(),
      publicIp: fields.publicIp ?? this.kit.publicIps.take(),
      createdTime: new Date(this.kit.clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    };
    this.records.set(address.addressId, address);
    return address;
  }

  remove(addressId: string): void {
    const address = this.records.get(addressId);
    if (!address) return;
    this.records.delete(addressId);
    this.kit.publicIps.release(address.publicIp);
  }

  allocationsToday(): number {
    return this.allocationsByDay.get(this.today()) ?? 0;
  }

  countAllocations(count: number): void {
    this.allocationsByDay = new Map([[this.today(), this.allocationsToday() + count]]);
  }

  list(): AdminAddress[] {
    return this.all().map(toAdminAddress);
  }

  create(input: CreateAddressInput): AdminAddress {
    if (input.publicIp !== undefined && !this.kit.publicIps.claim(input.publicIp)) {
      throw new AdminInputError(`public IP ${input.publicIp} is already in use`);
    }
    const tags: TencentTag[] = Object.entries(input.tags ?? {}).map(([Key, Value]) => ({ Key, Value }));
    const address = this.add({
      ...this.adminTarget(input),
      ...(input.publicIp !== undefined && { publicIp: input.publicIp }),
      name: input.name ?? '',
      isp: 'BGP',
      internetChargeType: 'TRAFFIC_POSTPAID_BY_HOUR',
      bandwidth: 1,
      addressType: 'EIP',
      tags,
    });
    return toAdminAddress(address);
  }

  clear(): void {
    this.records.clear();
    this.tasks.clear();
    this.allocationTokens.reset();
    this.allocationsByDay.clear();
  }

  private adminTarget(input: CreateAddressInput): Pick<
    TencentAddress,
    'status' | 'networkInterfaceId' | 'privateIp' | 'instanceId' | 'instanceType'
  > {
    if ((input.networkInterfaceId === undefined) !== (input.privateIp === undefined)) {
      throw new AdminInputError('networkInterfaceId and privateIp go together');
    }
    if (input.networkInterfaceId !== undefined && input.privateIp !== undefined) {
      if (this.boundTo(input.networkInterfaceId, input.privateIp)) {
        throw new AdminInputError(`${input.privateIp} on ${input.networkInterfaceId} is already bound`);
      }
      const instanceId = this.network.interfaceById(input.networkInterfaceId)?.instanceId ?? input.instanceId;
      return {
        status: instanceId ? 'BIND' : 'BIND_ENI',
        networkInterfaceId: input.networkInterfaceId,
        privateIp: input.privateIp,
        instanceId,
        instanceType: instanceId ? 'CVM' : 'ENI',
      };
    }
    if (input.instanceId !== undefined) return { status: 'BIND', instanceId: input.instanceId, instanceType: 'CVM' };
    return { status: 'UNBIND' };
  }

  private newAddressId(): string {
    for (;;) {
      const id = this.kit.random.id('eip', 8);
      if (!this.records.has(id)) return id;
    }
  }

  private today(): string {
    return new Date(this.kit.clock.now()).toISOString().slice(0, 10);
  }
}
