import type { IncomingVersion, OutboxMessage, StoreOutcome } from '@depeche/persistence';

type Announce = (incoming: IncomingVersion) => OutboxMessage;

/** What the handler stores through: ArticleStore, or several partitions' batches joined. */
export interface BatchStore {
  storeBatch(batch: readonly IncomingVersion[], announce: Announce): Promise<StoreOutcome[]>;
}

interface Submission {
  readonly batch: readonly IncomingVersion[];
  readonly announce: Announce;
  readonly resolve: (outcomes: StoreOutcome[]) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Joins the batches that partitions hand in while a transaction is running into the next one
 * (group commit). A partition's batch from a 2 MiB fetch over six partitions is about fifty events;
 * storing each alone costs a dozen round trips and a commit per fifty events, and the process sat
 * idle a third of the time waiting on them. A story's versions share a partition (key = article
 * id), so joining partitions reorders nothing that has an order. If a joined transaction fails,
 * each batch is stored again alone, so one partition's poison batch fails only that partition.
 */
export class CombinedStore implements BatchStore {
  private queue: Submission[] = [];
  private draining = false;

  constructor(
    private readonly store: BatchStore,
    /** Events per joined transaction at most. */
    private readonly maxEvents = 2_000,
  ) {}

  storeBatch(batch: readonly IncomingVersion[], announce: Announce): Promise<StoreOutcome[]> {
    if (batch.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.queue.push({ batch, announce, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    // Batches handed in during this turn of the event loop join the first transaction.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.queue.length > 0) await this.storeGroup(this.takeGroup());
    this.draining = false;
  }

  private takeGroup(): Submission[] {
    const group: Submission[] = [];
    let events = 0;
    while (this.queue.length > 0) {
      const next = this.queue[0];
      if (!next || (group.length > 0 && events + next.batch.length > this.maxEvents)) break;
      group.push(next);
      events += next.batch.length;
      this.queue.shift();
    }
    return group;
  }

  private async storeGroup(group: readonly Submission[]): Promise<void> {
    const [only] = group;
    if (group.length === 1 && only) return this.storeAlone(only);
    // By event id: the store may pass on a version it adjusted (the story's first guid kept).
    const owners = new Map<string, Announce>();
    for (const { batch, announce } of group) for (const v of batch) owners.set(v.eventId, announce);
    try {
      const outcomes = await this.store.storeBatch(
        group.flatMap((s) => s.batch),
        (incoming) => {
          const announce = owners.get(incoming.eventId);
          if (!announce) throw new Error(`no batch holds event ${incoming.eventId}`);
          return announce(incoming);
        },
      );
      let at = 0;
      for (const s of group) {
        s.resolve(outcomes.slice(at, at + s.batch.length));
        at += s.batch.length;
      }
    } catch {
      for (const submission of group) await this.storeAlone(submission);
    }
  }

  private async storeAlone(submission: Submission): Promise<void> {
    try {
      submission.resolve(await this.store.storeBatch(submission.batch, submission.announce));
    } catch (error) {
      submission.reject(error);
    }
  }
}
