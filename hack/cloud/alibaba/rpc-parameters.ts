/**
 * Reading the flattened RPC parameters of an Alibaba Cloud request: scalars, 1-based repeat lists
 * (`NetworkInterfaceId.1`), lists of objects (`Tag.1.Key`), comma lists (`AllocationId=a,b`).
 * Parameter names in an action's declaration use `N` for the list index, e.g. `Tag.N.Key`.
 */
import { gatewayErrors } from './alibaba-api-error.js';

export interface Tag {
  key: string;
  value: string;
}

/** Accepted by every VPC and ECS action (the SDK models carry them on every request). */
const COMMON_PARAMETERS = ['RegionId', 'OwnerId', 'OwnerAccount', 'ResourceOwnerId', 'ResourceOwnerAccount'];

export class RpcParameters {
  constructor(private readonly values: ReadonlyMap<string, string>) {}

  /** UnsupportedParameter for the first parameter that the action does not declare. */
  rejectUndeclared(declared: readonly string[]): void {
    const patterns = [...COMMON_PARAMETERS, ...declared].map(namePattern);
    for (const name of this.values.keys()) {
      if (!patterns.some((pattern) => pattern.test(name))) throw gatewayErrors.unknownParameter(name);
    }
  }

  optional(name: string): string | undefined {
    const value = this.values.get(name);
    return value === '' ? undefined : value;
  }

  required(name: string): string {
    const value = this.optional(name);
    if (value === undefined) throw gatewayErrors.missingParameter(name);
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.optional(name) ?? fallback;
    if (!(allowed as readonly string[]).includes(value)) throw gatewayErrors.invalidParameter(name);
    return value as T;
  }

  integer(name: string, range: { min: number; max: number }, fallback: number): number {
    const text = this.optional(name);
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < range.min || value > range.max) throw gatewayErrors.invalidParameter(name);
    return value;
  }

  /** `Name.1`, `Name.2`, … in index order. */
  repeatList(name: string): string[] {
    return this.indexedEntries(new RegExp(`^${escape(name)}\\.(\\d+)$`)).map(([, value]) => value);
  }

  /** `AllocationId=eip-a,eip-b` style lists. */
  commaList(name: string): string[] {
    return (this.optional(name) ?? '').split(',').map((item) => item.trim()).filter((item) => item !== '');
  }

  /** `Tag.N.Key` / `Tag.N.Value` pairs in index order; a key is required for each index. */
  tags(prefix = 'Tag'): Tag[] {
    const keys = this.indexedEntries(new RegExp(`^${escape(prefix)}\\.(\\d+)\\.Key$`));
    return keys.map(([index, key]) => ({ key, value: this.values.get(`${prefix}.${index}.Value`) ?? '' }));
  }

  /** Every parameter but `except`, in a stable order: two requests with the same fingerprint asked for the same thing. */
  fingerprint(except: string): string {
    return JSON.stringify([...this.values].filter(([name]) => name !== except).sort(([a], [b]) => a.localeCompare(b)));
  }

  private indexedEntries(pattern: RegExp): [number, string][] {
    const entries: [number, string][] = [];
    for (const [name, value] of this.values) {
      const match = pattern.exec(name);
      if (match) entries.push([Number(match[1]), value]);
    }
    return entries.sort((a, b) => a[0] - b[0]);
  }
}

function namePattern(declared: string): RegExp {
  return new RegExp(`^${declared.split('.').map((part) => (part === 'N' ? '[1-9]\\d*' : escape(part))).join('\\.')}$`);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
