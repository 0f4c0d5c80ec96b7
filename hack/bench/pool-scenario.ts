/**
 * `--scenario pool` (issue 11): N pods binding from warm EIPPool spares against N pods allocating
 * their own addresses, each in a fresh world. The warm half first fills a pool of N (minAvailable N,
 * maxSize N) and waits until all N spares are Available, then applies the pods; a warm bind must
 * need no allocate call at all.
 */
import type { EIPPool } from '../../src/k8s/eippool.js';
import { GROUP, VERSION } from '../../src/k8s/eipclaim.js';
import { POOL_ANNOTATION, POOL_PLURAL } from '../../src/k8s/eippool.js';
import { BENCH_PROVIDERS, warmBindFloorSeconds, type BenchProvider } from './bench-providers.js';
import { runBindPhase, type BindResult } from './bind-phase.js';
import { perClaim, round } from './call-counts.js';
import { ObjectTimeline } from './object-timeline.js';
import { inBenchWorld, measured, type PhaseContext, type WorldOptions } from './phase-context.js';

export const WARM_POOL = 'bench-warm';

/** One half of the comparison: how long the binds took and what each pod cost the cloud. */
export interface PoolBindFigures {
  seconds: number;
  /** From each claim's first sighting to its first sighting as Bound. */
  p50BindSeconds: number;
  p95BindSeconds: number;
  /** Every allocate call in the window, rejected ones included: 0 for warm binds. */
  allocateCalls: number;
  perPod: { allocate: number; associate: number; describe: number };
  /** The whole bind phase, as the lifecycle scenario reports it. */
  bind: BindResult;
}

export interface PoolScenarioResult {
  /** Filling the pool before the warm binds: not part of their window. */
  fill: { seconds: number; allocateCalls: number };
  warm: PoolBindFigures;
  allocating: PoolBindFigures;
}

export async function runPoolScenario(options: WorldOptions, progress: (line: string) => void): Promise<PoolScenarioResult> {
  let fill: PoolScenarioResult['fill'] | undefined;
  let warm: BindResult | undefined;
  let allocating: BindResult | undefined;
  await inBenchWorld(options, progress, async (context) => {
    fill = await fillWarmPool(context);
    progress(`warm: ${context.pods} pods asking for EIPPool ${WARM_POOL}`);
    warm = await runBindPhase(context, { podAnnotations: { [POOL_ANNOTATION]: WARM_POOL }, floorSeconds: warmBindFloorSeconds(context.provider, context.pods) });
  });
  await inBenchWorld(options, progress, async (context) => {
    progress(`allocating: ${context.pods} pods asking for owned addresses`);
    allocating = await runBindPhase(context);
  });
  const provider = BENCH_PROVIDERS[options.provider];
  return { fill: fill!, warm: figuresOf(provider, options.pods, warm!), allocating: figuresOf(provider, options.pods, allocating!) };
}

/** Creates the pool with N warm spares and waits until the controller reports all N Available. */
async function fillWarmPool(context: PhaseContext): Promise<PoolScenarioResult['fill']> {
  const { world, pods, provider, timeoutMs } = context;
  context.progress(`fill: EIPPool ${WARM_POOL} with minAvailable ${pods}, maxSize ${pods}`);
  const pools = new ObjectTimeline<EIPPool>(world.kubeConfig, `/apis/${GROUP}/${VERSION}/${POOL_PLURAL}`, context.now);
  await pools.start();
  try {
    const window = await measured(context, async () => {
      const body = { apiVersion: `${GROUP}/${VERSION}`, kind: 'EIPPool', metadata: { name: WARM_POOL }, spec: { namespaceSelector: {}, allocation: { minAvailable: pods, maxSize: pods } } };
      await world.custom.createClusterCustomObject({ group: GROUP, version: VERSION, plural: POOL_PLURAL, body });
      await pools.until(`${pods} spares Available in EIPPool ${WARM_POOL}`, (current) => current.get(WARM_POOL)?.status?.available === pods, timeoutMs);
    });
    return { seconds: round(window.seconds, 2), allocateCalls: window.cloud.byAction[provider.allocateAction] ?? 0 };
  } finally {
    pools.stop();
  }
}

function figuresOf(provider: BenchProvider, pods: number, bind: BindResult): PoolBindFigures {
  const calls = bind.cloudCalls.byAction;
  const perPod = perClaim({ allocate: calls[provider.allocateAction] ?? 0, associate: calls[provider.associateAction] ?? 0, describe: calls[provider.describeAction] ?? 0 }, pods);
  return {
    seconds: bind.seconds,
    p50BindSeconds: bind.observed.p50,
    p95BindSeconds: bind.observed.p95,
    allocateCalls: calls[provider.allocateAction] ?? 0,
    perPod: { allocate: perPod.allocate!, associate: perPod.associate!, describe: perPod.describe! },
    bind,
  };
}
