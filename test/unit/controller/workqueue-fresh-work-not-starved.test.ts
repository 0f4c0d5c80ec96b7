/**
 * Issue 14, item 15: fresh work is not starved by polls and retries. Follow-ups of work under way go
 * first; then a change (a deleted pod whose address must be released) and due work (polls, retries,
 * resyncs) take turns, so a change waits behind at most one poll per change ahead of it, and a burst
 * of changes does not stall the polls.
 */
import pino from 'pino';
import { KeyedController } from '../../../src/controller/keyed-controller.js';
import { WorkQueue } from '../../../src/controller/workqueue.js';
import { ControllerMetrics } from '../../../src/telemetry/metrics.js';
import { EMPTY_METRICS_SOURCES } from '../../support/empty-metrics-sources.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 1));
}

/** A queue whose first `blockers` runs hold their workers until `gate` opens; `finished` resolves after `runCount` runs. */
function blockedQueue(concurrency: number, runCount: number) {
  const runs: string[] = [];
  const gate = deferred();
  const finished = deferred();
  const queue = new WorkQueue(async (key) => {
    runs.push(key);
    if (key.startsWith('blocker')) await gate.promise;
    if (runs.length === runCount) finished.resolve();
  }, { concurrency });
  return { queue, runs, gate, finished };
}

const range = (count: number, prefix: string) => Array.from({ length: count }, (_, index) => `${prefix}-${index + 1}`);

describe('WorkQueue: fresh work is not starved', () => {
  test('with 10 workers busy and 1,000 polls due, a fresh key starts second, not behind the polls', async () => {
    const blockers = range(10, 'blocker');
    const polls = range(1000, 'poll');
    const { queue, runs, gate, finished } = blockedQueue(10, blockers.length + polls.length + 1);
    blockers.forEach((key) => queue.add(key));
    await until(() => runs.length === blockers.length);
    polls.forEach((key) => queue.addAfter(key, 1));
    await until(() => queue.depth === polls.length);
    queue.add('released-pod');
    gate.resolve();
    await finished.promise;
    await queue.shutDown(100);
    expect(runs).toEqual([...blockers, 'poll-1', 'released-pod', ...polls.slice(1)]);
  });

  test('order: follow-ups first, then fresh adds and due work (polls, retries, resyncs as they came) by turns; a fresh add of a due key makes it fresh', async () => {
    const { queue, runs, gate, finished } = blockedQueue(1, 8);
    queue.add('blocker');
    await until(() => runs.length === 1);
    queue.addAfter('poll-1', 1);
    queue.addAfter('poll-2', 2);
    queue.addAfter('poll-3', 3);
    queue.addRateLimited('retry');
    await until(() => queue.depth === 4);
    queue.addResync('resync');
    queue.add('fresh');
    queue.add('poll-2');
    queue.addAfter('follow-up', 0);
    gate.resolve();
    await finished.promise;
    await queue.shutDown(100);
    expect(runs).toEqual(['blocker', 'follow-up', 'poll-1', 'fresh', 'poll-3', 'poll-2', 'retry', 'resync']);
  });

  test('a burst of fresh adds does not hold back due polls', async () => {
    const burst = range(4, 'fresh');
    const { queue, runs, gate, finished } = blockedQueue(1, 7);
    queue.addResync('blocker');
    await until(() => runs.length === 1);
    queue.addAfter('poll-1', 1);
    queue.addAfter('poll-2', 2);
    await until(() => queue.depth === 2);
    burst.forEach((key) => queue.add(key));
    gate.resolve();
    await finished.promise;
    await queue.shutDown(100);
    expect(runs).toEqual(['blocker', 'fresh-1', 'poll-1', 'fresh-2', 'poll-2', 'fresh-3', 'fresh-4']);
  });
});

describe('KeyedController: fresh work is not starved', () => {
  const silent = pino({ level: 'silent' });

  test('the keys given to start() are due work: a change seen meanwhile runs next; queue and work durations are measured', async () => {
    const metrics = new ControllerMetrics(EMPTY_METRICS_SOURCES);
    const runs: string[] = [];
    const gate = deferred();
    const started = deferred();
    const finish = deferred();
    const controller = new KeyedController(
      'eipclaim',
      async (key) => {
        runs.push(key);
        if (runs.length === 1) await gate.promise;
        if (key === 'default/deleted-pod') {
          started.resolve();
          await finish.promise;
        }
        return key.startsWith('default/poll') ? { requeueAfterMs: 1 } : {};
      },
      { concurrency: 1, metrics, logger: silent },
    );
    controller.start(['default/poll-1', 'default/poll-2', 'default/poll-3']);
    await until(() => runs.length === 1);
    controller.enqueue('default/deleted-pod');
    gate.resolve();
    await started.promise;
    const stopped = controller.shutDown(1000);
    finish.resolve();
    await stopped;
    expect(runs).toEqual(['default/poll-1', 'default/deleted-pod']);
    const histograms = await metrics.registry.getMetricsAsJSON();
    const countOf = (name: string) =>
      histograms.find((metric) => metric.name === name)?.values.find((value) => 'metricName' in value && value.metricName === `${name}_count`)?.value;
    expect([countOf('workqueue_queue_duration_seconds'), countOf('workqueue_work_duration_seconds')]).toEqual([2, 2]);
  });
});
