/** Asynchronous tasks (TaskId) of AllocateAddresses / AssociateAddress / DisassociateAddress / ReleaseAddresses. */
export type TaskResult = 'RUNNING' | 'SUCCESS' | 'FAILED';

const FIRST_TASK_ID = 1000001;

export class TaskStore {
  private readonly results = new Map<number, TaskResult>();
  private nextId = FIRST_TASK_ID;

  start(): number {
    const id = this.nextId++;
    this.results.set(id, 'RUNNING');
    return id;
  }

  finish(id: number): void {
    this.results.set(id, 'SUCCESS');
  }

  result(id: number): TaskResult | undefined {
    return this.results.get(id);
  }

  clear(): void {
    this.results.clear();
  }
}
