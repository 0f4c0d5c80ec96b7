import type { V1Pod } from '@kubernetes/client-node';
import { changeLines, nextState, screenLines, summaryLine, tableRows, type ClaimView, type Observation, type WarningView } from '../../../hack/sandbox/live-view-render.js';
import { asksForEip } from '../../../hack/sandbox/live-view.js';

const NOW = new Date('2026-11-29T23:10:00.000Z');
const SECONDS_AGO = (seconds: number) => new Date(NOW.getTime() - seconds * 1000).toISOString();

const pod = (name: string, podIP?: string, annotations: Record<string, string> = {}): V1Pod => ({
  metadata: { name, namespace: 'default', annotations, creationTimestamp: new Date(SECONDS_AGO(30)) },
  spec: { containers: [] },
  status: { podIP },
});
const claim = (name: string, phase: string, publicIP?: string, ready = phase === 'Bound' ? 'True' : 'False'): ClaimView => ({
  metadata: { name, namespace: 'default', uid: `uid-${name}`, creationTimestamp: SECONDS_AGO(25) },
  status: { phase, publicIP, addressId: publicIP ? `eip-${name.replace('-', '')}` : undefined, ownership: 'Owned', conditions: [{ type: 'Ready', status: ready }] },
});
const warning = (reason: string, kind: string, secondsAgo: number, message = 'static address eip-0000dead does not exist'): WarningView => ({
  kind,
  namespace: 'default',
  name: 'ghost',
  reason,
  message,
  at: SECONDS_AGO(secondsAgo),
});

const observed: Observation = {
  pods: [pod('game-1', '10.0.1.6'), pod('game-0', '10.0.1.5'), pod('fresh')],
  claims: [claim('game-0', 'Bound', '203.0.113.7'), claim('game-1', 'Bound', '203.0.113.8'), claim('ghost', 'Pending')],
  warnings: [warning('AddressNotFound', 'Pod', 12), warning('AddressNotFound', 'EIPClaim', 12), warning('AddressConflict', 'Pod', 3, 'address eip-aaaa1111 is held by claim default/holder; waiting')],
  cloudCalls: 14,
};

describe('sandbox live view: the terminal screen', () => {
  it('shows the introduction, an aligned table, the summary and the latest warnings once each', () => {
    expect(screenLines(nextState(undefined, observed, NOW), ['podeip sandbox (tencent)'], NOW)).toEqual([
      'podeip sandbox (tencent)',
      '',
      'NAMESPACE   NAME     PUBLIC-IP     ADDRESS     PHASE     READY   POD-IP     AGE',
      'default     fresh    -             -           -         -       -          30s',
      'default     game-0   203.0.113.7   eip-game0   Bound     True    10.0.1.5   25s',
      'default     game-1   203.0.113.8   eip-game1   Bound     True    10.0.1.6   25s',
      'default     ghost    -             -           Pending   False   -          25s',
      '',
      'pods asking for an EIP: 3   claims: 1 Pending, 2 Bound   public IPs bound: 2   cloud calls: 14',
      '',
      'LATEST WARNINGS',
      'AGE   OBJECT      REASON            MESSAGE',
      '3s    pod/ghost   AddressConflict   address eip-aaaa1111 is held by claim default/holder; waiting',
      '12s   pod/ghost   AddressNotFound   static address eip-0000dead does not exist',
      '',
      '(Ctrl-C to stop)',
    ]);
  });

  it('keeps a line for each claim that disappeared, newest first', () => {
    const first = nextState(undefined, { ...observed, warnings: [] }, NOW);
    const later = new Date(NOW.getTime() + 2000);
    const second = nextState(first, { ...observed, warnings: [], claims: [observed.claims[0]!, observed.claims[2]!] }, later);
    const lines = screenLines(second, [], later);
    expect(lines.slice(lines.indexOf('no warnings'))).toEqual([
      'no warnings',
      '',
      'RELEASED',
      'claim default/game-1 gone: address eip-game1 (203.0.113.8) released',
      '',
      '(Ctrl-C to stop)',
    ]);
  });

  it('a claim deleted and re-created under the same name in one poll counts as released', () => {
    const first = nextState(undefined, observed, NOW);
    const recreated = { ...claim('game-1', 'Pending'), metadata: { ...claim('game-1', 'Pending').metadata, uid: 'uid-game-1-again' } };
    const second = nextState(first, { ...observed, claims: [observed.claims[0]!, recreated, observed.claims[2]!] }, NOW);
    expect(second.released.map((release) => `${release.name} ${release.addressId}`)).toEqual(['game-1 eip-game1']);
  });

  it('summarises an empty sandbox', () => {
    expect(summaryLine({ pods: [], claims: [], warnings: [] })).toBe('pods asking for an EIP: 0   claims: none   public IPs bound: 0   cloud calls: ?');
  });

  it('a pod without a claim yet shows its own age and IP', () => {
    expect(tableRows({ pods: [pod('fresh', '10.0.1.9')], claims: [], warnings: [] }, NOW)).toEqual([['default', 'fresh', '-', '-', '-', '-', '10.0.1.9', '30s']]);
  });
});

describe('sandbox live view: timestamped lines for a pipe', () => {
  it('prints every row, warning (once for pod and claim) and nothing else at first', () => {
    expect(changeLines(undefined, nextState(undefined, observed, NOW), NOW)).toEqual([
      '2026-11-29T23:10:00Z  default/fresh public-ip=- address=- phase=- ready=- pod-ip=-',
      '2026-11-29T23:10:00Z  default/game-0 public-ip=203.0.113.7 address=eip-game0 phase=Bound ready=True pod-ip=10.0.1.5',
      '2026-11-29T23:10:00Z  default/game-1 public-ip=203.0.113.8 address=eip-game1 phase=Bound ready=True pod-ip=10.0.1.6',
      '2026-11-29T23:10:00Z  default/ghost public-ip=- address=- phase=Pending ready=False pod-ip=-',
      '2026-11-29T23:10:00Z  Warning AddressNotFound pod/ghost -n default: static address eip-0000dead does not exist',
      '2026-11-29T23:10:00Z  Warning AddressConflict pod/ghost -n default: address eip-aaaa1111 is held by claim default/holder; waiting',
    ]);
  });

  it('then only what changed: rows (a pod whose claim is gone too), a release; age and cloud calls alone print nothing', () => {
    const first = nextState(undefined, observed, NOW);
    const later = new Date(NOW.getTime() + 60_000);
    expect(changeLines(first, nextState(first, { ...observed, cloudCalls: 20 }, later), later)).toEqual([]);
    const bound = { ...observed, claims: [observed.claims[0]!, claim('ghost', 'Allocated', '203.0.113.9')] };
    expect(changeLines(first, nextState(first, bound, later), later)).toEqual([
      '2026-11-29T23:11:00Z  default/game-1 public-ip=- address=- phase=- ready=- pod-ip=10.0.1.6',
      '2026-11-29T23:11:00Z  default/ghost public-ip=203.0.113.9 address=eip-ghost phase=Allocated ready=False pod-ip=-',
      '2026-11-29T23:11:00Z  claim default/game-1 gone: address eip-game1 (203.0.113.8) released',
    ]);
  });
});

describe('sandbox live view: which pods it lists', () => {
  it('only pods that ask for an EIP under the provider\'s annotations, invalid requests included', () => {
    expect(asksForEip(pod('game-0', undefined, { 'tke.cloud.tencent.com/eip-attributes': '{}' }), 'tencent')).toBe(true);
    expect(asksForEip(pod('typo', undefined, { 'tke.cloud.tencent.com/eip-attributes': '{' }), 'tencent')).toBe(true);
    expect(asksForEip(pod('web-1', undefined, {}), 'tencent')).toBe(false);
    expect(asksForEip(pod('game-0', undefined, { 'tke.cloud.tencent.com/eip-attributes': '{}' }), 'alibaba')).toBe(false);
    expect(asksForEip(pod('game-0', undefined, { 'k8s.aliyun.com/pod-with-eip': 'true' }), 'alibaba')).toBe(true);
  });
});
