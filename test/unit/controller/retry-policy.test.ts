/** Issue 14 item 19: every wait between two tries comes from one policy. */
import { DEFAULT_RETRY_POLICY, retryPolicyWith } from '../../../src/controller/retry-policy.js';
import { PollDelays } from '../../../src/lifecycle/poll-delays.js';

test('podeip run options shorten the polls and the conflict retry; every other wait stays the default', () => {
  const policy = retryPolicyWith({ pollIntervalMs: 10, maxPollIntervalMs: 200, conflictRetryMs: 100 });
  expect(policy).toEqual({ ...DEFAULT_RETRY_POLICY, polls: { firstMs: 10, maxMs: 200, growth: 1.5 }, conflictRetryMs: 100 });
  expect(retryPolicyWith({})).toEqual(DEFAULT_RETRY_POLICY);
});

test('polls grow by the policy factor up to its cap, per key, and start over once settled', () => {
  const polls = new PollDelays({ firstMs: 50, maxMs: 200, growth: 1.5 });
  expect([1, 2, 3, 4, 5].map(() => polls.next('a'))).toEqual([50, 75, 113, 169, 200]);
  expect(polls.next('b')).toBe(50);
  polls.settled('a');
  expect(polls.next('a')).toBe(50);
});

test('refusals hold their key: 5 min for a request the cloud will not take or the caller may not make, 1 min without quota or with the account in arrears or the address blocked, never for throttling', () => {
  expect(DEFAULT_RETRY_POLICY.refusalHoldsMs).toEqual({ 'invalid-request': 300_000, auth: 300_000, quota: 60_000, arrears: 60_000, blocked: 60_000 });
});
