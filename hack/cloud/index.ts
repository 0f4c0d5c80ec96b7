/** Starts the cloud emulator of either provider; both serve the same admin API (common/README.md). */
import type { CloudEmulator } from './common/index.js';
import { startAlibabaEmulator, type AlibabaEmulatorOptions } from './alibaba/index.js';
import { startTencentEmulator, type TencentEmulatorOptions } from './tencent/index.js';

export type CloudProvider = 'tencent' | 'alibaba';

/** Options both providers understand. */
export type CommonEmulatorOptions = Pick<
  TencentEmulatorOptions & AlibabaEmulatorOptions,
  'network' | 'port' | 'region' | 'seed' | 'quota' | 'clock'
>;

export function startCloudEmulator(provider: 'tencent', options: TencentEmulatorOptions): Promise<CloudEmulator>;
export function startCloudEmulator(provider: 'alibaba', options: AlibabaEmulatorOptions): Promise<CloudEmulator>;
export function startCloudEmulator(provider: CloudProvider, options: CommonEmulatorOptions): Promise<CloudEmulator>;
export function startCloudEmulator(
  provider: CloudProvider,
  options: TencentEmulatorOptions | AlibabaEmulatorOptions,
): Promise<CloudEmulator> {
  return provider === 'tencent'
    ? startTencentEmulator(options as TencentEmulatorOptions)
    : startAlibabaEmulator(options as AlibabaEmulatorOptions);
}
