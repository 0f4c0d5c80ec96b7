/** Time source for everything time-dependent in the emulators, so tests can drive time by hand. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  setTimer(callback: () => void, delayMs: number): TimerHandle;
  clearTimer(handle: TimerHandle): void;
}

export interface TimerHandle {
  readonly id: number;
}

class SystemClock implements Clock {
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private nextId = 1;

  now(): number {
    return Date.now();
  }

  setTimer(callback: () => void, delayMs: number): TimerHandle {
    const id = this.nextId++;
    this.timers.set(
      id,
      setTimeout(() => {
        this.timers.delete(id);
        callback();
      }, delayMs),
    );
    return { id };
  }

  clearTimer(handle: TimerHandle): void {
    clearTimeout(this.timers.get(handle.id));
    this.timers.delete(handle.id);
  }
}

export const systemClock: Clock = new SystemClock();

interface ManualTimer {
  id: number;
  dueAt: number;
  callback: () => void;
}

/** A clock that only moves when a test calls advance(); timers fire in due order. */
export class ManualClock implements Clock {
  private current: number;
  private timers: ManualTimer[] = [];
  private nextId = 1;

  constructor(startMs = Date.UTC(2026, 0, 1)) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  setTimer(callback: () => void, delayMs: number): TimerHandle {
    const timer = { id: this.nextId++, dueAt: this.current + Math.max(0, delayMs), callback };
    this.timers.push(timer);
    return { id: timer.id };
  }

  clearTimer(handle: TimerHandle): void {
    this.timers = this.timers.filter((timer) => timer.id !== handle.id);
  }

  advance(ms: number): void {
    const target = this.current + ms;
    for (let timer = this.nextDue(target); timer; timer = this.nextDue(target)) {
      this.timers = this.timers.filter((other) => other !== timer);
      this.current = timer.dueAt;
      timer.callback();
    }
    this.current = target;
  }

  pendingTimers(): number {
    return this.timers.length;
  }

  private nextDue(limit: number): ManualTimer | undefined {
    const due = this.timers.filter((timer) => timer.dueAt <= limit);
    return due.sort((a, b) => a.dueAt - b.dueAt || a.id - b.id)[0];
  }
}
