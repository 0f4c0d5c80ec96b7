/** Metrics sources for tests that build ControllerMetrics without a cluster: nothing to count. */
import type { MetricsSources } from '../../src/telemetry/metrics.js';

export const EMPTY_METRICS_SOURCES: MetricsSources = {
  claimCountsByPhase: () => ({}),
  notReadyClaimsByReason: () => ({}),
  unboundOwnedAddresses: () => 0,
  addressesByOwnership: () => ({ owned: 0, static: 0 }),
};
