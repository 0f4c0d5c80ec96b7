import type { PodNetwork } from '../../network/pod-network.js';
import {
  AdminInputError,
  type AdminAddress,
  type AdminEni,
  type CreateAddressInput,
  type EmulatorAdmin,
} from './cloud-emulator.js';
import type { EmulatorKit } from './emulator-kit.js';

/** What a provider contributes to the admin API: its address records. */
export interface AddressBook {
  list(): AdminAddress[];
  create(input: CreateAddressInput): AdminAddress;
  /** Forgets every address and provider-specific state (tokens, tasks). */
  clear(): void;
}

export function createEmulatorAdmin(kit: EmulatorKit, network: PodNetwork, book: AddressBook): EmulatorAdmin {
  return {
    addresses: () => book.list(),
    enis: () => adminEnis(network, book.list()),
    calls: () => kit.calls.snapshot(),
    createAddress: (input) => book.create(input),
    createAddresses: (inputs) => inputs.map((input, index) => createNumbered(book, input, index)),
    setFault: (fault) => kit.faults.set(fault),
    faults: () => kit.faults.list(),
    clearFaults: (action) => kit.faults.clear(action),
    setQuota: (limit) => {
      if (!Number.isInteger(limit) || limit < 0) throw new AdminInputError('quota must be a non-negative integer');
      kit.quota = limit;
    },
    setAsyncStepDelays: (delays) => {
      const valid = !delays || (Number.isInteger(delays.minMs) && Number.isInteger(delays.maxMs) && delays.minMs >= 0 && delays.maxMs >= delays.minMs);
      if (!valid) throw new AdminInputError('minMs and maxMs must be whole numbers with 0 <= minMs <= maxMs');
      kit.transitions.stepDelays = delays;
    },
    asyncSteps: () => kit.transitions.completedSteps(),
    reset: () => {
      kit.reset();
      book.clear();
    },
    settled: () => kit.transitions.settled(),
    untilHanging: (count) => kit.faults.untilHanging(count),
    setResourceState: (setting) => kit.resourceStates.set(setting),
    resourceStates: () => kit.resourceStates.list(),
  };
}

function createNumbered(book: AddressBook, input: CreateAddressInput, index: number): AdminAddress {
  try {
    return book.create(input);
  } catch (error) {
    if (error instanceof AdminInputError) throw new AdminInputError(`address ${index}: ${error.message}`);
    throw error;
  }
}

/** The shared VPC model's ENIs, each private IP annotated with the address bound to it. */
export function adminEnis(network: PodNetwork, addresses: AdminAddress[]): AdminEni[] {
  const byTarget = new Map(addresses.map((address) => [`${address.networkInterfaceId}/${address.privateIp}`, address]));
  return network.interfaces().map((eni) => ({
    networkInterfaceId: eni.networkInterfaceId,
    nodeName: eni.nodeName,
    instanceId: eni.instanceId,
    vpcId: eni.vpcId,
    subnetId: eni.subnetId,
    primary: eni.primary,
    privateIps: eni.privateIps.map((ip) => {
      const bound = byTarget.get(`${eni.networkInterfaceId}/${ip.address}`);
      return bound
        ? { address: ip.address, primary: ip.primary, addressId: bound.addressId, publicIp: bound.publicIp }
        : { address: ip.address, primary: ip.primary };
    }),
  }));
}
