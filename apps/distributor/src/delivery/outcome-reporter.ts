import type { DeliveryEvent } from '@depeche/contracts';
import type { Producer } from 'kafkajs';

/** One attempt's outcome, as ops reads it from `ops.events`. */
export type ReportedOutcome = DeliveryEvent;

/**
 * Tells operators about every attempt on `ops.events`, key = article id. Best effort: the queue is
 * the record of what was delivered; a report lost while the broker is away costs a dashboard line,
 * never a delivery, so a failed send is logged and dropped.
 */
export class OutcomeReporter {
  private pending: ReportedOutcome[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly producer: Producer,
    private readonly topic: string,
    private readonly log: (message: string) => void,
    private readonly flushMs = 100,
  ) {}

  /** Reports are sent in one request per `flushMs`, not one per delivery. */
  report(outcome: ReportedOutcome): void {
    this.pending.push(outcome);
    this.timer ??= setTimeout(() => void this.flush(), this.flushMs);
  }

  async flush(): Promise<void> {
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    try {
      await this.producer.send({
        topic: this.topic,
        messages: batch.map((o) => ({ key: o.articleId, value: JSON.stringify(o) })),
      });
    } catch (error) {
      this.log(`${batch.length} ops.events reports lost: ${(error as Error).message}`);
    }
  }
}
