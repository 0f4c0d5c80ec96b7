/** Summaries of per-claim durations: exact ones observed by the benchmark, and the controller's histogram. */
import type { Histogram } from 'prom-client';
import { round } from './call-counts.js';

export interface DurationSummary {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

/** Nearest-rank percentiles of durations in seconds. */
export function summarize(seconds: number[]): DurationSummary {
  const sorted = [...seconds].sort((a, b) => a - b);
  const rank = (share: number) => sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)] ?? 0;
  return { count: sorted.length, p50: round(rank(0.5), 3), p95: round(rank(0.95), 3), max: round(sorted.at(-1) ?? 0, 3) };
}

export interface HistogramSummary {
  count: number;
  /** Estimated as Prometheus' histogram_quantile does: linear within the bucket. */
  p50: number;
  p95: number;
  /** The upper bound of the highest bucket that holds an observation (a histogram keeps no maximum). */
  maxAtMost: number;
}

export async function summarizeHistogram(histogram: Histogram): Promise<HistogramSummary> {
  const { values } = await histogram.get();
  const buckets = values
    .filter((value) => value.metricName?.endsWith('_bucket'))
    .map((value) => ({ le: value.labels.le === '+Inf' ? Infinity : Number(value.labels.le), cumulative: value.value }))
    .sort((a, b) => a.le - b.le);
  const count = buckets.at(-1)?.cumulative ?? 0;
  const firstFull = buckets.find((bucket) => bucket.cumulative === count);
  return { count, p50: round(quantile(0.5, buckets, count), 3), p95: round(quantile(0.95, buckets, count), 3), maxAtMost: count === 0 ? 0 : (firstFull?.le ?? 0) };
}

function quantile(share: number, buckets: Array<{ le: number; cumulative: number }>, count: number): number {
  if (count === 0) return 0;
  const target = share * count;
  let lower = { le: 0, cumulative: 0 };
  for (const bucket of buckets) {
    if (bucket.cumulative >= target) {
      if (!Number.isFinite(bucket.le)) return lower.le;
      const within = bucket.cumulative - lower.cumulative;
      return lower.le + ((bucket.le - lower.le) * (target - lower.cumulative)) / (within || 1);
    }
    lower = bucket;
  }
  return lower.le;
}
