/** Issue 14 item 19: the Manager owns the runnables, leader-only or always, as controller-runtime's does. */
import { pino } from 'pino';
import { Manager, type Runnable } from '../../../src/manager/manager.js';

function recorded(log: string[], name: string, needLeaderElection: boolean, start: () => Promise<void> | void = () => undefined): Runnable {
  return {
    name,
    needLeaderElection,
    start: async () => {
      log.push(`start ${name}`);
      await start();
    },
    stop: (graceMs) => void log.push(`stop ${name} ${graceMs}`),
  };
}

function managerOf(log: string[], runnables: Array<[string, boolean]>): Manager {
  const manager = new Manager(25_000, pino({ level: 'silent' }));
  for (const [name, needLeaderElection] of runnables) manager.add(recorded(log, name, needLeaderElection));
  return manager;
}

const PODEIP_SHAPE: Array<[string, boolean]> = [
  ['endpoints', false],
  ['provider', false],
  ['leader election', false],
  ['caches', false],
  ['reconcilers', true],
  ['cloud sync', true],
];

test('start() starts only what runs regardless of leadership, in order; lead() then the leader-only ones', async () => {
  const log: string[] = [];
  const manager = managerOf(log, PODEIP_SHAPE);
  await manager.start();
  expect(log).toEqual(['start endpoints', 'start provider', 'start leader election', 'start caches']);
  await manager.lead();
  expect(log.slice(4)).toEqual(['start reconcilers', 'start cloud sync']);
});

test('stop() drains the leader-only runnables within the grace period, then stops the rest, each group in reverse order', async () => {
  const log: string[] = [];
  const manager = managerOf(log, PODEIP_SHAPE);
  await manager.start();
  await manager.lead();
  log.length = 0;
  await manager.stop();
  expect(log).toEqual([
    'stop cloud sync 25000',
    'stop reconcilers 25000',
    'stop caches 25000',
    'stop leader election 25000',
    'stop provider 25000',
    'stop endpoints 25000',
  ]);
});

test('losing leadership stops the leader-only runnables at once (no grace) and leaves the others running', async () => {
  const log: string[] = [];
  const manager = managerOf(log, PODEIP_SHAPE);
  await manager.start();
  await manager.lead();
  log.length = 0;
  await manager.stopLeading();
  expect(log).toEqual(['stop cloud sync 0', 'stop reconcilers 0']);
  log.length = 0;
  await manager.stop();
  expect(log).toEqual(['stop caches 25000', 'stop leader election 25000', 'stop provider 25000', 'stop endpoints 25000']);
});

test('a standby that is stopped never starts the leader-only runnables', async () => {
  const log: string[] = [];
  const manager = managerOf(log, PODEIP_SHAPE);
  await manager.start();
  await manager.stop();
  await manager.lead();
  expect(log.filter((line) => /reconcilers|cloud sync/.test(line))).toEqual([]);
});

test.each([
  ['stop() began', (manager: Manager) => manager.stop()],
  ['leadership was lost', (manager: Manager) => manager.stopLeading()],
])('a leader-only runnable that finishes starting after %s is stopped again, and nothing after it starts', async (_, end) => {
  const log: string[] = [];
  let finishStarting!: () => void;
  const manager = new Manager(25_000, pino({ level: 'silent' }));
  manager.add(recorded(log, 'reconcilers', true, () => new Promise<void>((resolve) => (finishStarting = resolve))));
  manager.add(recorded(log, 'cloud sync', true));
  const leading = manager.lead();
  await end(manager);
  finishStarting();
  await leading;
  expect(log).toEqual(['start reconcilers', 'stop reconcilers 0']);
});
