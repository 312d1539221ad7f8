import type { DeliveryQueue } from '@depeche/persistence';

interface Waiting {
  readonly id: string;
  readonly status: number;
  readonly done: () => void;
  readonly failed: (error: unknown) => void;
}

/**
 * Successes recorded in one statement per burst instead of one per delivery: at fifty partners a
 * story is fifty successes within milliseconds. Each caller still waits for its row's commit, so a
 * next version is claimable only once this one is recorded delivered.
 */
export class DeliveredBatch {
  private waiting: Waiting[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly queue: DeliveryQueue,
    private readonly owner: string,
    private readonly now: () => Date,
    private readonly windowMs = 5,
  ) {}

  record(id: string, status: number): Promise<void> {
    return new Promise((done, failed) => {
      this.waiting.push({ id, status, done, failed });
      this.timer ??= setTimeout(() => void this.flush(), this.windowMs);
    });
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const batch = this.waiting;
    this.waiting = [];
    const byStatus = new Map<number, Waiting[]>();
    for (const w of batch) byStatus.set(w.status, [...(byStatus.get(w.status) ?? []), w]);
    for (const [status, group] of byStatus) {
      try {
        await this.queue.markManyDelivered(
          group.map((w) => w.id),
          this.owner,
          this.now(),
          status,
        );
        group.forEach((w) => w.done());
      } catch (error) {
        group.forEach((w) => w.failed(error));
      }
    }
  }
}
