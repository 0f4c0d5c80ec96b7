/**
 * Per-action request rates from the API documentation pages' "默认接口请求频率限制"
 * (intl.cloud.tencent.com/document/api/215/16699 … 16705; see README.md).
 */
import { perSecond, type RateLimit } from '../common/index.js';

export const DEFAULT_TENCENT_RATE_LIMITS: Record<string, number> = {
  AllocateAddresses: 10,
  AssociateAddress: 10,
  DisassociateAddress: 10,
  ReleaseAddresses: 10,
  DescribeAddressQuota: 10,
  DescribeAddresses: 20,
  DescribeTaskResult: 20,
  DescribeNetworkInterfaces: 20,
  // Tag 2018-08-13 (tencentcloud.com/document/api/651/33003).
  TagResources: 20,
  UnTagResources: 20,
};

export function tokenBuckets(perSecondByAction: Record<string, number> | false): Record<string, RateLimit> {
  if (perSecondByAction === false) return {};
  return Object.fromEntries(Object.entries(perSecondByAction).map(([action, rate]) => [action, perSecond(rate)]));
}
