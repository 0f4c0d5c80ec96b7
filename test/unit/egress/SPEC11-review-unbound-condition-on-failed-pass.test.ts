import pino from 'pino';
import { EGRESS_VIA_EIP_CONDITION } from '../../../src/egress/egress-condition.js';
import { IpMasqAgentSync } from '../../../src/egress/ip-masq-agent-sync.js';
import type { EIPClaim } from '../../../src/k8s/eipclaim.js';

/**
 * Review (SPEC §11, egress): once a pod's address is unbound its podeip.io/egress-via-eip condition
 * is False whatever became of the ConfigMap write. A pass whose write failed (the API server answering
 * 500, a webhook refusing, conflicts five times in a row) left it True until a pass succeeded.
 */
test('an unbound pod\'s condition turns False even when the ConfigMap write fails', async () => {
  const pod = { namespace: 'ns', name: 'web-0', uid: 'uid-1', ownConditions: { [EGRESS_VIA_EIP_CONDITION]: 'True' } };
  const patched: Array<{ name: string; status: string }> = [];
  const configMap = {
    read: async () => ({ resourceVersion: '7', configText: '{"NonMasqueradeSrcCIDRs":["10.0.0.11/32"]}', tracked: ['10.0.0.11/32'] }),
    write: async () => {
      throw Object.assign(new Error('Internal error'), { code: 500 });
    },
  };
  const sync = new IpMasqAgentSync({
    configMap: configMap as never,
    claims: { list: (): EIPClaim[] => [] } as never,
    conditions: {
      api: {
        patchPodConditions: async (_namespace: string, name: string, _uid: string, conditions: Array<{ status: string }>) => {
          patched.push({ name, status: conditions[0]!.status });
          return {};
        },
      } as never,
      pods: { get: () => pod, list: () => [pod], observe: () => undefined } as never,
      clock: { now: () => new Date(0) } as never,
      logger: pino({ level: 'silent' }),
    },
    synced: Promise.resolve(),
    logger: pino({ level: 'silent' }),
    timing: { quietMs: 10, maxDelayMs: 10, resyncMs: 60_000, retryMs: 60_000 },
  });
  await sync.start();
  await new Promise((resolve) => setTimeout(resolve, 100));
  await sync.stop();
  expect(patched).toEqual([{ name: 'web-0', status: 'False' }]);
});
