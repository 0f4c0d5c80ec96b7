/** The cloud side of issue 10's scale scenarios: `--scenario restart|burst|latency`, each with its goals checked. */
import { burstShortfalls, runBurstScenario, type BurstScenarioResult } from './burst-scenario.js';
import { latencyShortfalls, runLatencyScenario, type LatencyOptions, type LatencyResult } from './latency-scenario.js';
import { restartShortfalls, runRestartScenario, type RestartScenarioResult } from './restart-scenario.js';

export type CloudScaleScenarioName = 'restart' | 'burst' | 'latency';
export const CLOUD_SCALE_SCENARIOS: CloudScaleScenarioName[] = ['restart', 'burst', 'latency'];
/** The sizes issue 10 sets, used when --pods is not given. */
export const CLOUD_SCALE_DEFAULT_PODS: Record<CloudScaleScenarioName, number> = { restart: 10_000, burst: 1_000, latency: 20 };

export interface CloudScaleResult {
  restartAtScale?: RestartScenarioResult;
  burst?: BurstScenarioResult;
  latency?: LatencyResult;
  /** Goals not met. */
  failures: string[];
}

export function isCloudScaleScenario(name: string): name is CloudScaleScenarioName {
  return (CLOUD_SCALE_SCENARIOS as string[]).includes(name);
}

export async function runCloudScaleScenario(name: CloudScaleScenarioName, options: LatencyOptions, progress: (line: string) => void): Promise<CloudScaleResult> {
  if (name === 'restart') {
    const restartAtScale = await runRestartScenario(options, progress);
    return { restartAtScale, failures: restartShortfalls(restartAtScale) };
  }
  if (name === 'burst') {
    const burst = await runBurstScenario(options, progress);
    return { burst, failures: burstShortfalls(burst) };
  }
  const latency = await runLatencyScenario(options, progress);
  return { latency, failures: latencyShortfalls(latency) };
}
