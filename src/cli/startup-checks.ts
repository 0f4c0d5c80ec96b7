/**
 * The start-up checks of SPEC §12 shared by `podeip run` and `podeip teardown`: each failure is a
 * StartupError (one line, exit 1), found before podeip starts watching or writing anything.
 */
import type { KubeConfig } from '@kubernetes/client-node';
import { CLAIM_UID_TAG, CLUSTER_TAG } from '../lifecycle/address-book.js';
import { isCloudError, MISSING_CREDENTIALS } from '../providers/cloud-error.js';
import type { Provider, ProviderName } from '../providers/provider.js';
import { ignoreCloudCalls } from '../providers/cloud-call-observer.js';
import { createProvider, type ProviderFactoryOptions } from '../providers/create-provider.js';
import { loadKubeConfig } from './cluster-access.js';
import { isKnownRegion, KNOWN_REGIONS } from './known-regions.js';
import type { CloudAccessFlags } from './run-flags.js';
import { StartupError } from './startup-error.js';

/** The value config/manager/manager.yaml ships with: two clusters installed unedited would release each other's addresses. */
export const PLACEHOLDER_CLUSTER_ID = 'cls-replace-me';

export function checkSettings(settings: { provider: ProviderName; region: string; clusterId: string }): void {
  if (settings.clusterId === PLACEHOLDER_CLUSTER_ID) {
    throw new StartupError(`--cluster-id is still the placeholder "${PLACEHOLDER_CLUSTER_ID}": set it to an id unique per cloud account (e.g. the cluster's own id)`);
  }
  if (!isKnownRegion(settings.provider, settings.region)) {
    throw new StartupError(`--region "${settings.region}" is not a ${settings.provider} region; known: ${KNOWN_REGIONS[settings.provider].join(', ')}`);
  }
}

/**
 * One describe that matches nothing (no address carries this claim uid) tells whether the cloud
 * accepts podeip's credentials. Only a refusal stops start-up: an unreachable cloud is retried by the controller.
 */
export async function checkCredentials(provider: Provider, clusterId: string): Promise<void> {
  // tencentcloud-sdk-nodejs's DefaultCredentialProvider console.errors every link of its chain that fails;
  // the outcome is reported below in one line instead.
  const consoleError = console.error;
  console.error = () => undefined;
  try {
    await provider.describeByTags({ [CLUSTER_TAG]: clusterId, [CLAIM_UID_TAG]: 'podeip-startup-check' });
  } catch (error) {
    if (!isCloudError(error) || error.kind !== 'auth') return;
    if (error.code === MISSING_CREDENTIALS) throw new StartupError(`no ${provider.name} cloud credentials: ${error.message.replace(/^no cloud credentials: /, '')}`);
    throw new StartupError(`the ${provider.name} cloud refused podeip's credentials: ${error.describe()}`);
  } finally {
    console.error = consoleError;
  }
}

/** Every check, cheapest first; resolves to the cluster's kubeconfig. */
export async function passStartupChecks(access: CloudAccessFlags): Promise<KubeConfig> {
  const kubeConfig = loadKubeConfig(access.kubeconfig);
  checkSettings(access);
  const provider = await cloudProviderFor(access);
  try {
    await checkCredentials(provider, access.clusterId);
  } finally {
    provider.close();
  }
  return kubeConfig;
}

export function cloudProviderFor(access: CloudAccessFlags, hooks: Pick<ProviderFactoryOptions, 'observer'> = { observer: ignoreCloudCalls }): Promise<Provider> {
  return createProvider(access.provider, { region: access.region, ...(access.cloudEndpoint ? { endpoint: access.cloudEndpoint } : {}), ...hooks });
}
