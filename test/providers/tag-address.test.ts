import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CloudEmulator } from '../../hack/cloud/common/index.js';
import { PodNetwork } from '../../hack/network/pod-network.js';
import { CloudError } from '../../src/providers/cloud-error.js';
import { createProvider } from '../../src/providers/create-provider.js';
import type { Provider } from '../../src/providers/provider.js';
import { PROVIDER_ROWS, type ProviderRow } from '../integration/provider-rows.js';
import { CallRecorder } from './alibaba/provider-fixture.js';

/**
 * Provider.tagAddress / untagAddress through the real SDKs against each emulator (Tencent: the Tag
 * 2018-08-13 client on the VPC client's endpoint; Alibaba: VPC TagResources / UnTagResources).
 */
describe.each(PROVIDER_ROWS.map((row) => [row.name, row] as const))('%s provider tags an address', (_name, row: ProviderRow) => {
  let emulator: CloudEmulator;
  let provider: Provider;
  const recorder = new CallRecorder();

  beforeAll(async () => {
    Object.assign(process.env, row.credentialsEnv);
    emulator = await row.startEmulator(new PodNetwork({ seed: 5 }), { rateLimits: false });
    provider = await createProvider(row.name, { region: row.region, endpoint: emulator.endpoint, observer: recorder });
  });
  afterAll(async () => {
    provider.close();
    await emulator.close();
  });

  const tagsOf = (addressId: string) => emulator.admin.addresses().find((address) => address.addressId === addressId)?.tags;

  it('adds tags, overwriting a key the address carries and keeping the others', async () => {
    const { addressId } = emulator.admin.createAddress({ tags: { team: 'game', 'podeip.io/cluster': 'old' } });
    await provider.tagAddress(addressId, { 'podeip.io/cluster': 'prod', 'podeip.io/name': 'game-0' });
    expect(tagsOf(addressId)).toEqual({ team: 'game', 'podeip.io/cluster': 'prod', 'podeip.io/name': 'game-0' });
  });

  it('removes tag keys, and a key the address does not carry is no error', async () => {
    const { addressId } = emulator.admin.createAddress({ tags: { team: 'game', 'podeip.io/cluster': 'prod' } });
    await provider.untagAddress(addressId, ['podeip.io/cluster', 'never-there']);
    expect(tagsOf(addressId)).toEqual({ team: 'game' });
  });

  it('reports an address the cloud does not know as not-found', async () => {
    const unknown = row.idStyle === 'tencent' ? 'eip-00000000' : 'eip-doesnotexist000000';
    const failure = await provider.tagAddress(unknown, { a: 'b' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CloudError);
    expect((failure as CloudError).kind).toBe('not-found');
  });

  it('meters each call under the cloud action name', () => {
    expect(recorder.calls.map((call) => call.action)).toEqual(['TagResources', 'UnTagResources', 'TagResources']);
  });
});
