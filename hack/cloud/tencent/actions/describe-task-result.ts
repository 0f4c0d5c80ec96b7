/** DescribeTaskResult: TaskId is a number here although the asynchronous actions return it as a string. */
import { addressErrors, commonErrors } from '../tencent-api-error.js';
import type { ActionHandler } from '../tencent-context.js';

export const describeTaskResult: ActionHandler = (parameters, context) => {
  const taskId = parameters.TaskId as number | undefined;
  if (taskId === undefined) {
    if (parameters.DealName !== undefined) throw commonErrors.invalidParameter('Prepaid deals are not emulated.');
    throw commonErrors.missingParameter('TaskId');
  }
  const result = context.book.tasks.result(taskId);
  if (!result) throw addressErrors.taskNotFound(taskId);
  return { TaskId: taskId, Result: result };
};
