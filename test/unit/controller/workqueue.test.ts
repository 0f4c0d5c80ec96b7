import { WorkQueue } from '../../../src/controller/workqueue.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/** One worker that records the keys it handles; the first run waits for `gate`, `finished` resolves after `runCount` runs. */
function singleWorker(runCount: number) {
  const runs: string[] = [];
  const started = deferred();
  const gate = deferred();
  const finished = deferred();
  const queue = new WorkQueue(async (key) => {
    runs.push(key);
    if (runs.length === 1) {
      started.resolve();
      await gate.promise;
    }
    if (runs.length === runCount) finished.resolve();
  }, { concurrency: 1 });
  return { queue, runs, started, gate, finished };
}

describe('WorkQueue', () => {
  test('adds of a waiting key collapse into one run', async () => {
    const { queue, runs, gate, finished } = singleWorker(3);
    queue.add('blocker');
    queue.add('a');
    queue.add('a');
    queue.add('b');
    queue.add('a');
    expect(queue.depth).toBe(2);
    gate.resolve();
    await finished.promise;
    await queue.shutDown(1000);
    expect(runs).toEqual(['blocker', 'a', 'b']);
  });

  test('a key is never handled twice at once, and an add during handling runs it again afterwards', async () => {
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    const firstRunStarted = deferred();
    const release = deferred();
    const allDone = deferred();
    const queue = new WorkQueue(async () => {
      active++;
      runs++;
      maxActive = Math.max(maxActive, active);
      if (runs === 1) {
        firstRunStarted.resolve();
        await release.promise;
      }
      active--;
      if (runs === 2) allDone.resolve();
    }, { concurrency: 4 });
    queue.add('k');
    await firstRunStarted.promise;
    queue.add('k');
    queue.add('k');
    release.resolve();
    await allDone.promise;
    expect({ runs, maxActive }).toEqual({ runs: 2, maxActive: 1 });
    await queue.shutDown(100);
  });

  test('different keys run concurrently up to the limit', async () => {
    let active = 0;
    let maxActive = 0;
    const release = deferred();
    const twoStarted = deferred();
    const started: string[] = [];
    const queue = new WorkQueue(async (key) => {
      started.push(key);
      if (started.length === 2) twoStarted.resolve();
      active++;
      maxActive = Math.max(maxActive, active);
      await release.promise;
      active--;
    }, { concurrency: 2 });
    ['a', 'b', 'c'].forEach((key) => queue.add(key));
    await twoStarted.promise;
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['a', 'b']);
    release.resolve();
    await queue.shutDown(1000);
    expect(maxActive).toBe(2);
  });

  test('backoff doubles from 5ms per key, caps at 1000s, and forget resets it', () => {
    const queue = new WorkQueue(async () => undefined, { concurrency: 1 });
    const steps = Array.from({ length: 6 }, () => queue.nextBackoff('a'));
    expect(steps).toEqual([5, 10, 20, 40, 80, 160]);
    expect(queue.nextBackoff('b')).toBe(5);
    for (let i = 0; i < 30; i++) queue.nextBackoff('a');
    expect(queue.nextBackoff('a')).toBe(1_000_000);
    queue.forget('a');
    expect(queue.nextBackoff('a')).toBe(5);
  });

  test('addAfter delivers once, keeping the earliest deadline', async () => {
    const runs: number[] = [];
    const done = deferred();
    const start = Date.now();
    const queue = new WorkQueue(async () => {
      runs.push(Date.now() - start);
      done.resolve();
    }, { concurrency: 1 });
    queue.addAfter('k', 5000);
    queue.addAfter('k', 20);
    queue.addAfter('k', 3000);
    await done.promise;
    await queue.shutDown(100);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toBeLessThan(1000);
  });

  test('a delayed add is a follow-up: it runs before fresh adds, and raises a waiting key ahead of them', async () => {
    const { queue, runs, gate, finished } = singleWorker(5);
    queue.add('blocker');
    ['fresh-1', 'raised', 'fresh-2'].forEach((key) => queue.add(key));
    queue.addAfter('raised', 0);
    queue.addAfter('follow-up', 0);
    expect(queue.depth).toBe(4);
    gate.resolve();
    await finished.promise;
    await queue.shutDown(100);
    expect(runs).toEqual(['blocker', 'raised', 'follow-up', 'fresh-1', 'fresh-2']);
  });

  test('a follow-up of a key being handled runs right after it, ahead of fresh adds', async () => {
    const { queue, runs, started, gate, finished } = singleWorker(4);
    queue.add('claim');
    await started.promise;
    queue.add('other-1');
    queue.add('claim');
    queue.add('other-2');
    queue.addAfter('claim', 0);
    gate.resolve();
    await finished.promise;
    await queue.shutDown(100);
    expect(runs).toEqual(['claim', 'claim', 'other-1', 'other-2']);
  });

  test('a delayed add with a look holds no worker while the look waits, and runs the key once it has answered', async () => {
    const runs: string[] = [];
    const look = deferred();
    const otherRan = deferred();
    const lookedRan = deferred();
    const queue = new WorkQueue(async (key) => {
      runs.push(key);
      if (key === 'other') otherRan.resolve();
      if (key === 'looking') lookedRan.resolve();
    }, { concurrency: 1 });
    const lookStarted = deferred();
    queue.addAfter('looking', 0, () => {
      lookStarted.resolve();
      return look.promise;
    });
    await lookStarted.promise;
    queue.add('other');
    await otherRan.promise;
    expect(runs).toEqual(['other']);
    look.resolve();
    await lookedRan.promise;
    await queue.shutDown(100);
    expect(runs).toEqual(['other', 'looking']);
  });

  test('a look that fails still runs its key, whose reconcile meets the failure', async () => {
    const ran = deferred();
    const queue = new WorkQueue(async () => ran.resolve(), { concurrency: 1 });
    queue.addAfter('looking', 1, () => Promise.reject(new Error('throttled')));
    await ran.promise;
    await queue.shutDown(100);
  });

  test('shutDown drops waiting work, finishes work in flight and refuses new adds', async () => {
    const runs: string[] = [];
    const release = deferred();
    const inFlight = deferred();
    const queue = new WorkQueue(async (key) => {
      runs.push(key);
      inFlight.resolve();
      await release.promise;
    }, { concurrency: 1 });
    queue.add('in-flight');
    queue.add('waiting');
    await inFlight.promise;
    const stopped = queue.shutDown(1000);
    queue.add('late');
    release.resolve();
    await stopped;
    expect(runs).toEqual(['in-flight']);
  });
});
