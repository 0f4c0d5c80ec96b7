import { DEFAULT_ALIBABA_BANDWIDTH_PACKAGE_ID } from '../../hack/cloud/alibaba/index.js';
import { ALIBABA_ROW } from '../providers/alibaba/alibaba-row.js';
import { eventually, useHarness } from './harness.js';

describe('Alibaba common bandwidth package: joining is part of converging', () => {
  const world = useHarness(ALIBABA_ROW);

  test('an address whose join failed after allocation is adopted, bound, and joins the package once the cloud accepts', async () => {
    world().cloud.admin.setFault({ action: 'AddCommonBandwidthPackageIp', errorCode: 'ServiceUnavailable' });
    await world().createPod('cbwp-web', { ...ALIBABA_ROW.ownedRequest(), 'k8s.aliyun.com/eip-common-bandwidth-package-id': DEFAULT_ALIBABA_BANDWIDTH_PACKAGE_ID });
    const { claim } = await world().boundClaim('cbwp-web');
    const addressId = claim.status!.addressId!;
    const provider = await world().directProvider();
    try {
      // The retry may come before or after Bound: wait for it rather than race it.
      await eventually('join retried', () => (world().cloud.admin.calls().AddCommonBandwidthPackageIp?.ServiceUnavailable ?? 0) >= 2);
      expect((await provider.describeByIds([addressId]))[0]!.bandwidthPackageId).toBeUndefined();
      world().cloud.admin.clearFaults();
      await eventually('joined the package', async () => (await provider.describeByIds([addressId]))[0]!.bandwidthPackageId === DEFAULT_ALIBABA_BANDWIDTH_PACKAGE_ID);
    } finally {
      world().cloud.admin.clearFaults();
      provider.close();
    }
    expect(world().cloud.admin.addresses().filter((address) => address.tags['podeip.io/name'] === 'cbwp-web').map((address) => address.addressId)).toEqual([addressId]);
    expect(world().cloud.admin.calls().AddCommonBandwidthPackageIp?.OK).toBe(1);
  });
});
