/**
 * SPEC §11 (review): `kubectl delete podeip NAME` reclaims like `kubectl delete eipc`, also for a
 * name whose earlier PodEIP podeip removed itself (its claim ended). The removal used to leave the
 * name marked "podeip is deleting this one" when the watch told of the deletion after the delete
 * call returned, so the next hand deletion of that name was taken for podeip's own and reclaimed nothing.
 */
import { fileURLToPath } from 'node:url';
import { PODEIP_GROUP, PODEIP_PLURAL, PODEIP_VERSION, type PodEIP } from '../../src/compat/podeip-resource.js';
import { ALIBABA_ROW as row } from '../providers/alibaba/alibaba-row.js';
import { eventually, NAMESPACE, useHarness } from './harness.js';

const CRD_FILE = fileURLToPath(new URL('../../config/compat/alibabacloud.com_podeips.yaml', import.meta.url));
const RESOURCE = { group: PODEIP_GROUP, version: PODEIP_VERSION, plural: PODEIP_PLURAL, namespace: NAMESPACE };

describe('SPEC §11 PodEIP hand deletion after podeip removed the previous one (alibaba)', () => {
  const world = useHarness(row, { controller: { podeipCrdCheckMs: 200 } });
  const podEip = async (name: string) => (await world().custom.getNamespacedCustomObject({ ...RESOURCE, name }).catch(() => undefined)) as PodEIP | undefined;

  beforeAll(async () => {
    await world().kubectl('apply', '-f', CRD_FILE);
  });

  test('the second PodEIP of a name, deleted by hand, reclaims its claim', async () => {
    await world().createPod('okg-again', row.ownedRequest());
    const first = await world().boundClaim('okg-again');
    await eventually('first PodEIP written', async () => (await podEip('okg-again'))?.spec.allocationID === first.claim.status!.addressId);
    await world().deletePod('okg-again');
    await eventually('first claim gone', async () => (await world().claim('okg-again')) === undefined);
    await eventually('first PodEIP gone', async () => (await podEip('okg-again')) === undefined);

    await world().createPod('okg-again', row.ownedRequest());
    const second = await world().boundClaim('okg-again');
    expect(second.claim.metadata.uid).not.toBe(first.claim.metadata.uid);
    await eventually('second PodEIP written', async () => (await podEip('okg-again'))?.status?.eipAddress === second.claim.status!.publicIP);
    expect(await world().kubectl('delete', 'podeips', 'okg-again')).toBe('podeip.alibabacloud.com "okg-again" deleted\n');
    await eventually('second address released', () => world().address(second.claim.status!.addressId!) === undefined);
    await eventually('a third claim bound', async () => (await world().boundClaim('okg-again')).claim.metadata.uid !== second.claim.metadata.uid);
  });
});
