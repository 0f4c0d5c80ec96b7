/** The CloudError a provider call fails with; a call that succeeds, or fails otherwise, fails the test. */
import { CloudError } from '../../src/providers/cloud-error.js';

export async function failureOf(call: Promise<unknown>): Promise<CloudError> {
  const outcome = await call.then(
    () => new Error('expected the call to fail'),
    (error: unknown) => error,
  );
  if (outcome instanceof CloudError) return outcome;
  throw outcome;
}
