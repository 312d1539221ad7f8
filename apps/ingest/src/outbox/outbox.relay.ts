import type { OutboxRepository, PendingOutboxMessage } from '@depeche/persistence';
import type { Producer } from 'kafkajs';
import { backoffDelay, chunkByBytes, sleep } from '@depeche/kafka';

const MAX_REQUEST_BYTES = 512 * 1024;

/**
 * Moves committed outbox rows to Kafka, oldest first, until stopped. Woken at once after a batch
 * is stored; otherwise it polls, so rows left by a crash are sent after a restart.
 */
export class OutboxRelay {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly producer: Producer,
    private readonly options: { batchSize: number; idleMs: number; log: (message: string) => void },
  ) {}

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  /** Something was stored: relay now rather than at the next poll. */
  notify(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        const sent = await this.outbox.relay(this.options.batchSize, (messages) =>
          this.publish(messages),
        );
        failures = 0;
        if (sent === 0) await this.idle();
      } catch (error) {
        failures++;
        const delay = backoffDelay(failures, 200, 10_000);
        this.options.log(`outbox relay failed, retry in ${delay} ms: ${(error as Error).message}`);
        await sleep(delay);
      }
    }
  }

  /**
   * Sends in requests of at most MAX_REQUEST_BYTES: the broker refuses a record batch over its
   * message.max.bytes (1 MiB by default), and 500 sample-sized items are about 5 MB. Each value is
   * encoded once here: given a string, kafkajs measures its UTF-8 length twice and encodes it
   * again (a tenth of a millisecond per sample-sized item).
   */
  private async publish(messages: readonly PendingOutboxMessage[]): Promise<void> {
    const encoded = messages.map((m) => ({ ...m, value: Buffer.from(m.value, 'utf8') }));
    for (const chunk of chunkByBytes(encoded, (m) => m.value.length, MAX_REQUEST_BYTES)) {
      const byTopic = new Map<string, typeof chunk>();
      for (const m of chunk) byTopic.set(m.topic, [...(byTopic.get(m.topic) ?? []), m]);
      await this.producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, list]) => ({
          topic,
          messages: list.map((m) => ({ key: m.key, value: m.value, headers: { ...m.headers } })),
        })),
      });
    }
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.options.idleMs);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
