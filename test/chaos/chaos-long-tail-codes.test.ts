/** The codes the chaos run fails cloud writes with: documented "try again" codes only, never a refusal or a not-found. */
import { longTailCodes } from '../../hack/chaos/long-tail-codes.js';
import { classifyAlibabaCode } from '../../src/providers/alibaba/error-classification.js';
import { classifyTencentCode } from '../../src/providers/tencent/error-classification.js';
import { BENCH_PROVIDERS } from '../../hack/bench/bench-providers.js';

const CLASSIFY = { tencent: classifyTencentCode, alibaba: classifyAlibabaCode };

describe('long-tail codes of the chaos run', () => {
  test.each(['tencent', 'alibaba'] as const)('every %s write action draws only documented transient, conflict or throttled codes', (provider) => {
    for (const action of BENCH_PROVIDERS[provider].writeActions) {
      const kinds = new Set(longTailCodes(provider, action).map((code) => CLASSIFY[provider](action, code)).map(({ kind, documented }) => `${kind}${documented ? '' : ' undocumented'}`));
      expect([...kinds].sort()).toEqual(['conflict', 'throttled', 'transient']);
    }
  });

  test('Alibaba associate meets the "try again later" codes that begin with Invalid, and no missing-instance code', () => {
    const codes = longTailCodes('alibaba', 'AssociateEipAddress');
    expect(codes).toEqual(expect.arrayContaining(['InvalidStatus.EniStatusNotSupport', 'InvalidBindingStatus', 'InvalidStatus.EcsStatusNotSupport', 'TaskConflict', 'Throttling.User', 'OperationFailed.SystemBusy']));
    expect(codes.filter((code) => code.includes('NotFound') || code.includes('NotExist'))).toEqual([]);
  });

  test('Tencent associate meets the mutex, the task failure and the action limit', () => {
    expect(longTailCodes('tencent', 'AssociateAddress')).toEqual(expect.arrayContaining(['OperationDenied.MutexTaskRunning', 'FailedOperation.TaskFailed', 'LimitExceeded.ActionLimited', 'RequestLimitExceeded']));
  });
});
