/** Issue 14 item 17: repeated warnings (AddressConflict on every retry) are rate-limited like client-go's spam filter. */
import { EventSpamFilter, SPAM_BURST, SPAM_REFILL_MS } from '../../../src/k8s/event-spam-filter.js';
import { ManualClock } from '../../support/manual-clock.js';

function allowedOf(filter: EventSpamFilter, key: string, attempts: number): number {
  let allowed = 0;
  for (let attempt = 0; attempt < attempts; attempt += 1) if (filter.allows(key)) allowed += 1;
  return allowed;
}

test('a burst of 25 events per object and reason, then one per 5 minutes', () => {
  const clock = new ManualClock();
  const filter = new EventSpamFilter(clock);
  expect(allowedOf(filter, 'pod-a/AddressConflict', 100)).toBe(SPAM_BURST);
  clock.advance(SPAM_REFILL_MS - 1);
  expect(filter.allows('pod-a/AddressConflict')).toBe(false);
  clock.advance(1);
  expect(allowedOf(filter, 'pod-a/AddressConflict', 10)).toBe(1);
  clock.advance(3 * SPAM_REFILL_MS);
  expect(allowedOf(filter, 'pod-a/AddressConflict', 10)).toBe(3);
});

test('a noisy reason does not silence another reason or another object', () => {
  const filter = new EventSpamFilter(new ManualClock());
  allowedOf(filter, 'pod-a/AddressConflict', 100);
  expect(filter.allows('pod-a/AssociatedEIP')).toBe(true);
  expect(filter.allows('pod-b/AddressConflict')).toBe(true);
});

test('a long quiet period refills the bucket only up to the burst', () => {
  const clock = new ManualClock();
  const filter = new EventSpamFilter(clock);
  allowedOf(filter, 'k', SPAM_BURST);
  clock.advance(1000 * SPAM_REFILL_MS);
  expect(allowedOf(filter, 'k', 100)).toBe(SPAM_BURST);
});
