/** Issue 10 item 3: the first look after an asynchronous step comes well under 500 ms, and a long step costs at most one look more. */
import { DEFAULT_RETRY_POLICY } from '../../../src/controller/retry-policy.js';
import { EARLY_LOOK_MS, PollDelays } from '../../../src/lifecycle/poll-delays.js';

/** The moments (ms after the step began) podeip looks at a step the cloud finishes after `stepMs`, up to the look that sees it done. */
function looksAt(polls: PollDelays, stepMs: number): number[] {
  const looks: number[] = [];
  for (let atMs = 0; looks.at(-1) === undefined || looks.at(-1)! < stepMs; ) {
    atMs += polls.next('default/pod');
    looks.push(atMs);
  }
  polls.settled('default/pod');
  return looks;
}

/** Before issue 10: 500 ms, then ×1.5 (looks at 500, 1250, 2375, 4063 ms, …). */
const BEFORE_LOOKS_AT = [500, 1_250, 2_375, 4_063, 5_750];
const lookCountBefore = (stepMs: number) => BEFORE_LOOKS_AT.findIndex((atMs) => atMs >= stepMs) + 1;

test('the default policy looks after 100 ms, then when it always did: 500 ms, 1.25 s, 2.375 s, … capped at 10 s apart', () => {
  const polls = new PollDelays(DEFAULT_RETRY_POLICY.polls);
  expect(EARLY_LOOK_MS).toBe(100);
  expect(Array.from({ length: 11 }, () => polls.next('k'))).toEqual([100, 400, 750, 1125, 1688, 2531, 3797, 5695, 8543, 10_000, 10_000]);
});

test.each([
  { stepMs: 50, looks: [100], before: 1 },
  { stepMs: 70, looks: [100], before: 1 },
  { stepMs: 400, looks: [100, 500], before: 1 },
  { stepMs: 1_000, looks: [100, 500, 1_250], before: 2 },
  { stepMs: 2_000, looks: [100, 500, 1_250, 2_375], before: 3 },
  { stepMs: 3_000, looks: [100, 500, 1_250, 2_375, 4_063], before: 4 },
])('a step of $stepMs ms is seen at $looks ms ($before looks with a first wait of 500 ms)', ({ stepMs, looks, before }) => {
  expect(looksAt(new PollDelays(DEFAULT_RETRY_POLICY.polls), stepMs)).toEqual(looks);
  expect(lookCountBefore(stepMs)).toBe(before);
  expect(looks.length - before).toBeLessThanOrEqual(1);
});

test('a first wait at or under the early look (podeip run --poll-interval 10) is used as it is', () => {
  const polls = new PollDelays({ firstMs: 10, maxMs: 200, growth: 1.5 });
  expect([1, 2, 3].map(() => polls.next('k'))).toEqual([10, 15, 23]);
});

describe('a cloud that declares its steps end within 1–3 s (Tencent, Alibaba)', () => {
  const window = { fromMs: 1_000, toMs: 3_000 };

  test('is looked at after 100 ms, then every first wait (500 ms) from 1 s to 3 s, then after waits growing by half the time waited, capped at 10 s', () => {
    const polls = new PollDelays(DEFAULT_RETRY_POLICY.polls, window);
    expect(Array.from({ length: 11 }, () => polls.next('k'))).toEqual([100, 900, 500, 500, 500, 500, 1500, 2250, 3375, 5063, 7594]);
    expect(DEFAULT_RETRY_POLICY.polls.firstMs).toBe(500);
  });

  test('a longer first wait (pollIntervalMs 2000) spaces the looks within the window as far apart', () => {
    const polls = new PollDelays({ ...DEFAULT_RETRY_POLICY.polls, firstMs: 2_000 }, window);
    expect([1, 2, 3, 4, 5].map(() => polls.next('k'))).toEqual([100, 900, 2_000, 2_000, 2_500]);
  });

  test.each([
    { stepMs: 70, looks: [100] },
    { stepMs: 1_000, looks: [100, 1_000] },
    { stepMs: 1_100, looks: [100, 1_000, 1_500] },
    { stepMs: 2_000, looks: [100, 1_000, 1_500, 2_000] },
    { stepMs: 3_000, looks: [100, 1_000, 1_500, 2_000, 2_500, 3_000] },
    { stepMs: 3_200, looks: [100, 1_000, 1_500, 2_000, 2_500, 3_000, 4_500] },
  ])('a step of $stepMs ms is seen at $looks ms', ({ stepMs, looks }) => {
    expect(looksAt(new PollDelays(DEFAULT_RETRY_POLICY.polls, window), stepMs)).toEqual(looks);
  });

  test('a step ending at a uniformly random 1–3 s is seen 250 ms late on average (761 ms without it), for 0.3 more looks', () => {
    const steps = Array.from({ length: 2_000 }, (_, index) => 1_000 + index + 1);
    const mean = (values: number[]) => Math.round((values.reduce((total, value) => total + value, 0) / values.length) * 100) / 100;
    const seen = (windowed?: typeof window) => steps.map((stepMs) => looksAt(new PollDelays(DEFAULT_RETRY_POLICY.polls, windowed), stepMs));
    const [before, after] = [seen(), seen(window)];
    expect(mean(after.map((looks, index) => looks.at(-1)! - steps[index]!))).toBe(249.5);
    expect(mean(before.map((looks, index) => looks.at(-1)! - steps[index]!))).toBe(761.38);
    expect([mean(before.map((looks) => looks.length)), mean(after.map((looks) => looks.length))]).toEqual([4.19, 4.5]);
  });

  test('a first wait at or under the early look keeps its quick looks', () => {
    const polls = new PollDelays({ firstMs: 10, maxMs: 200, growth: 1.5 }, window);
    expect([1, 2, 3].map(() => polls.next('k'))).toEqual([10, 15, 23]);
  });
});
