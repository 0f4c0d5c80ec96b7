/** DescribeAddressQuota (intl.cloud.tencent.com/document/api/215/16701). */
import type { ActionHandler } from '../tencent-context.js';

export const describeAddressQuota: ActionHandler = (_parameters, context) => {
  const { book, kit } = context;
  const dailyLimit = context.dailyAllocateLimit ?? kit.quota * 2;
  return {
    QuotaSet: [
      { QuotaId: 'TOTAL_EIP_QUOTA', QuotaCurrent: book.all().length, QuotaLimit: kit.quota },
      {
        QuotaId: 'DAILY_EIP_APPLY',
        QuotaCurrent: book.allocationsToday(),
        QuotaLimit: dailyLimit === false ? Number.MAX_SAFE_INTEGER : dailyLimit,
      },
    ],
  };
};
