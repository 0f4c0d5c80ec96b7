/** The account's EIPs in the emulated region, with the per-region quota on how many may exist. */
import type { PublicIpPool } from '../common/public-ip-pool.js';
import type { SeededRandom } from '../../network/seeded-random.js';
import { eipErrors } from './alibaba-api-error.js';
import type { EipRecord } from './eip-record.js';

/** "Each Alibaba Cloud account can hold up to 20 pay-as-you-go EIPs per region" (EIP limits page). */
export const DEFAULT_EIP_QUOTA = 20;
const ALLOCATION_ID_LENGTH = 20;

export type NewEip = Omit<EipRecord, 'allocationId' | 'ipAddress'> & { ipAddress?: string };

export class EipInventory {
  private readonly eips = new Map<string, EipRecord>();

  constructor(
    private readonly random: SeededRandom,
    private readonly publicIps: PublicIpPool,
    private readonly quota: () => number,
  ) {}

  /** QuotaExceeded.Eip when the account already holds `quota` EIPs (those being released still count). */
  allocate(spec: NewEip): EipRecord {
    if (this.eips.size >= this.quota()) throw eipErrors.quotaExceeded();
    return this.add(spec);
  }

  /** Out-of-band creation (admin API): not subject to the quota, may ask for a specific address. */
  add(spec: NewEip): EipRecord {
    const ipAddress = spec.ipAddress ?? this.publicIps.take();
    if (spec.ipAddress !== undefined && !this.publicIps.claim(spec.ipAddress)) {
      throw new Error(`address ${spec.ipAddress} is already in use`);
    }
    const eip: EipRecord = { ...spec, ipAddress, allocationId: this.random.id('eip', ALLOCATION_ID_LENGTH) };
    this.eips.set(eip.allocationId, eip);
    return eip;
  }

  /** InvalidAllocationId.NotFound for unknown (or already released) ids. */
  get(allocationId: string): EipRecord {
    const eip = this.eips.get(allocationId);
    if (!eip) throw eipErrors.notFound();
    return eip;
  }

  find(allocationId: string): EipRecord | undefined {
    return this.eips.get(allocationId);
  }

  all(): EipRecord[] {
    return [...this.eips.values()];
  }

  /** The EIP bound (or being bound or unbound) to this private IP of this instance, if any. */
  boundTo(instanceId: string, privateIpAddress: string): EipRecord | undefined {
    return this.all().find(
      (eip) => eip.binding?.instanceId === instanceId && eip.binding.privateIpAddress === privateIpAddress,
    );
  }

  remove(allocationId: string): void {
    const eip = this.eips.get(allocationId);
    if (!eip) return;
    this.eips.delete(allocationId);
    this.publicIps.release(eip.ipAddress);
  }

  /** Forgets every EIP; the public IP pool is reset with the rest of the emulator kit. */
  clear(): void {
    this.eips.clear();
  }
}
