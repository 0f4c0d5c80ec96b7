/**
 * `--scenario latency` (issue 10): N pods, one at a time, while every asynchronous cloud step takes
 * a production-like 1–3 s (the emulator's POST /_admin/async-steps). Per pod, podeip's overhead is
 * the time from the pod's IP being seen to its outputs being written, less the time the cloud's own
 * steps took within that span (GET /_admin/async-steps). Goal: p50 ≤ 150 ms.
 */
import { performance } from 'node:perf_hooks';
import type { V1Pod } from '@kubernetes/client-node';
import type { AsyncStepDelays, CompletedStep } from '../cloud/common/index.js';
import { perClaim } from './call-counts.js';
import { summarize, type DurationSummary } from './durations.js';
import { inBenchWorld, measured, NAMESPACE, type PhaseContext, type WorldOptions } from './phase-context.js';

export const LATENCY_GOAL_MS = 150;
export const PRODUCTION_STEP_DELAYS: AsyncStepDelays = { minMs: 1_000, maxMs: 3_000 };
const PUBLIC_IP_ANNOTATION = 'podeip.io/public-ip';

export interface LatencyOptions extends WorldOptions {
  /** How long each asynchronous cloud step takes; default PRODUCTION_STEP_DELAYS. */
  stepDelays?: AsyncStepDelays;
}

export interface LatencyResult {
  stepDelays: AsyncStepDelays;
  /** Durations in ms: pod IP seen → outputs written; the cloud's steps within it; the difference. */
  total: DurationSummary;
  cloud: DurationSummary;
  overhead: DurationSummary;
  cloudCallsPerPod: Record<string, number>;
}

interface PodLatency {
  totalMs: number;
  cloudMs: number;
}

export async function runLatencyScenario(options: LatencyOptions, progress: (line: string) => void): Promise<LatencyResult> {
  const stepDelays = options.stepDelays ?? PRODUCTION_STEP_DELAYS;
  let result: LatencyResult | undefined;
  await inBenchWorld(options, progress, async (context) => {
    context.world.cloud.admin.setAsyncStepDelays(stepDelays);
    const pods: PodLatency[] = [];
    const window = await measured(context, async () => {
      for (let index = 0; index < context.pods; index++) pods.push(await bindOnePod(context, `latency-${index}`));
    });
    const ms = (values: number[]) => summarize(values.map((value) => value / 1000));
    result = {
      stepDelays,
      total: inMs(ms(pods.map((pod) => pod.totalMs))),
      cloud: inMs(ms(pods.map((pod) => pod.cloudMs))),
      overhead: inMs(ms(pods.map((pod) => pod.totalMs - pod.cloudMs))),
      cloudCallsPerPod: perClaim(window.cloud.byAction, context.pods),
    };
  });
  return result!;
}

export function latencyShortfalls(result: LatencyResult): string[] {
  const p50 = result.overhead.p50;
  return p50 > LATENCY_GOAL_MS ? [`latency: p50 overhead ${p50} ms above the cloud's own steps (at most ${LATENCY_GOAL_MS} ms)`] : [];
}

async function bindOnePod(context: PhaseContext, name: string): Promise<PodLatency> {
  const { world, provider, podTimeline } = context;
  context.progress(`latency: ${name}`);
  await world.core.createNamespacedPod({
    namespace: NAMESPACE,
    body: { metadata: { name, annotations: provider.podAnnotations }, spec: { containers: [{ name: 'app', image: 'busybox' }] } },
  });
  await podTimeline.until(`${name} showing its public IP`, (pods) => hasOutputs(pods.get(name)), context.timeoutMs);
  const sightings = podTimeline.sightings(name);
  const ipSeenMs = sightings.find(({ object }) => object.status?.podIP)!.atMs;
  const outputsMs = sightings.find(({ object }) => hasOutputs(object))!.atMs;
  return { totalMs: outputsMs - ipSeenMs, cloudMs: cloudTimeWithin(world.cloud.admin.asyncSteps(), ipSeenMs, outputsMs) };
}

function hasOutputs(pod: V1Pod | undefined): boolean {
  return Boolean(pod?.metadata?.annotations?.[PUBLIC_IP_ANNOTATION]);
}

/** How much of [fromMs, toMs] (performance.now() time) the cloud's steps (epoch ms) covered. */
export function cloudTimeWithin(steps: CompletedStep[], fromMs: number, toMs: number): number {
  const toPerformanceTime = (epochMs: number) => epochMs - performance.timeOrigin;
  return steps.reduce((total, step) => {
    const start = Math.max(fromMs, toPerformanceTime(step.startedAtMs));
    const end = Math.min(toMs, toPerformanceTime(step.doneAtMs));
    return total + Math.max(0, end - start);
  }, 0);
}

function inMs(summary: DurationSummary): DurationSummary {
  return { count: summary.count, p50: Math.round(summary.p50 * 1000), p95: Math.round(summary.p95 * 1000), max: Math.round(summary.max * 1000) };
}
