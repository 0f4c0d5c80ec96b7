/** Cloud calls as lifecycle steps: failures become Warning events carrying the cloud's code and request id. */
import { CloudError, isCloudError } from '../providers/cloud-error.js';
import { announce, type Subjects } from './announce.js';
import type { LifecycleContext } from './context.js';

/** Throttling and busy answers are waited out quietly: the claim has not failed, the cloud asked for patience. */
const QUIET_KINDS = new Set(['throttled', 'conflict']);

export async function withFailureEvent<T>(context: LifecycleContext, subjects: Subjects, reason: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (isCloudError(error) && !QUIET_KINDS.has(error.kind)) await announce(context, subjects, 'Warning', reason, error.describe());
    throw error;
  }
}

/** Runs a step whose "not found" answer means the work is already done (unbinding or releasing a gone address). */
export async function doneIfGone(step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch (error) {
    if (!(error instanceof CloudError && error.kind === 'not-found')) throw error;
  }
}
