export { startLeaderElection, type LeaderElector } from './lease-elector.js';
export {
  DEFAULT_TIMINGS,
  timingsProblem,
  LeaderElectionConfigError,
  type LeaderElectionOptions,
  type LeaderElectionTimings,
  type StopReason,
} from './options.js';
export { systemElectionClock, type ElectionClock } from './election-clock.js';
