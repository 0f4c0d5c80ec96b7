/**
 * `--scenario restart` (issue 10, R13 at scale): N Bound claims seeded directly (bound-claims-seed.ts),
 * then a fresh controller over them, measured as the lifecycle scenario's restart phase. Goals: no
 * cloud write, at most one describe page per 100 addresses, no Kubernetes write, settled ≤ 20 s.
 */
import { round } from './call-counts.js';
import { seedBoundClaims } from './bound-claims-seed.js';
import { inBenchWorld, type WorldOptions } from './phase-context.js';
import { runRestartPhase, type RestartResult } from './restart-phase.js';

export const RESTART_GOAL_SECONDS = 20;

export interface RestartScenarioResult {
  /** Seeding N Bound claims (not part of the measured restart). */
  seedSeconds: number;
  restart: RestartResult;
}

export async function runRestartScenario(options: WorldOptions, progress: (line: string) => void): Promise<RestartScenarioResult> {
  let result: RestartScenarioResult | undefined;
  await inBenchWorld(options, progress, async (context) => {
    const seedStartedMs = context.now();
    await seedBoundClaims(context);
    const seedSeconds = round((context.now() - seedStartedMs) / 1000, 2);
    await (await context.world.startController()).synced;
    result = { seedSeconds, restart: await runRestartPhase(context) };
  });
  return result!;
}

export function restartShortfalls({ restart }: RestartScenarioResult): string[] {
  return [
    ...(restart.cloudWrites > 0 ? [`restart made ${restart.cloudWrites} cloud writes (must be 0)`] : []),
    ...(restart.describeCalls > restart.describeBudget ? [`restart made ${restart.describeCalls} describe calls (at most ${restart.describeBudget})`] : []),
    ...(restart.kubeWrites > 0 ? [`restart made ${restart.kubeWrites} Kubernetes writes (must be 0)`] : []),
    ...(restart.seconds > RESTART_GOAL_SECONDS ? [`restart took ${restart.seconds} s to settle (at most ${RESTART_GOAL_SECONDS} s)`] : []),
  ];
}
