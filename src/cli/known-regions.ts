/**
 * The regions each provider's EIP API serves, so that a typo such as `ap-guangzou` stops start-up
 * instead of failing every call. Tencent: the regions of the VPC API's DescribeRegions
 * (cloud.tencent.com/document/api/215/15807); Alibaba: VPC's DescribeRegions
 * (help.aliyun.com/document_detail/36063). A region opened later needs adding here.
 */
import type { ProviderName } from '../providers/provider.js';

export const KNOWN_REGIONS: Record<ProviderName, readonly string[]> = {
  tencent: [
    'ap-bangkok', 'ap-beijing', 'ap-beijing-fsi', 'ap-chengdu', 'ap-chongqing', 'ap-guangzhou', 'ap-hongkong', 'ap-jakarta',
    'ap-mumbai', 'ap-nanjing', 'ap-seoul', 'ap-shanghai', 'ap-shanghai-fsi', 'ap-shenzhen-fsi', 'ap-singapore', 'ap-taipei',
    'ap-tokyo', 'eu-frankfurt', 'na-ashburn', 'na-siliconvalley', 'sa-saopaulo',
  ],
  alibaba: [
    'cn-qingdao', 'cn-beijing', 'cn-zhangjiakou', 'cn-huhehaote', 'cn-wulanchabu', 'cn-hangzhou', 'cn-shanghai', 'cn-nanjing',
    'cn-fuzhou', 'cn-shenzhen', 'cn-heyuan', 'cn-guangzhou', 'cn-chengdu', 'cn-wuhan-lr', 'cn-hongkong', 'cn-shanghai-finance-1',
    'cn-shenzhen-finance-1', 'cn-beijing-finance-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-southeast-1', 'ap-southeast-3',
    'ap-southeast-5', 'ap-southeast-6', 'ap-southeast-7', 'ap-south-1', 'us-east-1', 'us-west-1', 'eu-west-1', 'eu-central-1',
    'me-east-1', 'me-central-1', 'na-south-1',
  ],
};

export function isKnownRegion(provider: ProviderName, region: string): boolean {
  return KNOWN_REGIONS[provider].includes(region);
}
