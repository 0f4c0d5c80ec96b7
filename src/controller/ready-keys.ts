/**
 * The keys a WorkQueue may hand to a worker, in three lanes, each first come first served:
 * - follow-ups: a key continuing work it has under way (an associate right after its allocate) goes
 *   first, or a burst binds in one wave at its end;
 * - fresh: a change someone made (a deleted pod whose address must be released);
 * - due: polls and retries whose time came, and resyncs (a pass over every key).
 * Fresh and due keys take turns, so neither starves the other: a change waits behind at most as many
 * polls as there are changes ahead of it, and a burst of changes does not stall the polls of work
 * under way.
 */
export type Lane = 'followUp' | 'fresh' | 'due';

const RANK: Record<Lane, number> = { due: 0, fresh: 1, followUp: 2 };

export function outranks(lane: Lane, other: Lane): boolean {
  return RANK[lane] > RANK[other];
}

export class ReadyKeys {
  private readonly lanes: Record<Lane, Set<string>> = { followUp: new Set(), fresh: new Set(), due: new Set() };
  private freshTurn = true;

  put(key: string, lane: Lane): void {
    this.lanes[lane].add(key);
  }

  /** Moves a ready key to the end of a higher lane. */
  move(key: string, from: Lane, to: Lane): void {
    if (this.lanes[from].delete(key)) this.lanes[to].add(key);
  }

  take(): string | undefined {
    const lane = this.nextLane();
    if (!lane) return undefined;
    const [key] = this.lanes[lane];
    this.lanes[lane].delete(key!);
    if (lane !== 'followUp') this.freshTurn = lane === 'due';
    return key;
  }

  clear(): void {
    Object.values(this.lanes).forEach((lane) => lane.clear());
  }

  private nextLane(): Lane | undefined {
    const order: Lane[] = this.freshTurn ? ['followUp', 'fresh', 'due'] : ['followUp', 'due', 'fresh'];
    return order.find((lane) => this.lanes[lane].size > 0);
  }
}
