import { Histogram, Registry } from 'prom-client';
import { summarize, summarizeHistogram } from '../../hack/bench/durations.js';

describe('summarize', () => {
  test('nearest-rank percentiles and the maximum of exact durations', () => {
    const seconds = Array.from({ length: 20 }, (_, index) => index + 1);
    expect(summarize(seconds.reverse())).toEqual({ count: 20, p50: 10, p95: 19, max: 20 });
  });

  test('no durations give zeros', () => {
    expect(summarize([])).toEqual({ count: 0, p50: 0, p95: 0, max: 0 });
  });
});

describe('summarizeHistogram', () => {
  test('interpolates within buckets as histogram_quantile does, and bounds the maximum by its bucket', async () => {
    const histogram = new Histogram({ name: 'bench_test_seconds', help: 'test', buckets: [1, 2, 4], registers: [new Registry()] });
    for (const value of [0.5, 1.5, 1.5, 3]) histogram.observe(value);
    expect(await summarizeHistogram(histogram)).toEqual({ count: 4, p50: 1.5, p95: 3.6, maxAtMost: 4 });
  });

  test('an empty histogram gives zeros', async () => {
    const histogram = new Histogram({ name: 'bench_empty_seconds', help: 'test', buckets: [1], registers: [new Registry()] });
    expect(await summarizeHistogram(histogram)).toEqual({ count: 0, p50: 0, p95: 0, maxAtMost: 0 });
  });
});
