import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { backoffDelay, sleep } from './backoff';
import { deadLetterMessage, type DeadLetter } from './dead-letter';

export type ConsumedMessage = KafkaMessage & {
  readonly topic: string;
  readonly partition: number;
};

/**
 * Handles a batch: makes every message's outcome durable (stored) or returns it as a dead letter.
 * Throwing means a transient fault (database or broker down): the batch is retried, never dead-lettered.
 */
export type BatchHandler = (messages: readonly ConsumedMessage[]) => Promise<readonly DeadLetter[]>;

export interface ResilientConsumerOptions {
  readonly groupId: string;
  readonly topic: string;
  readonly deadLetterTopic: string;
  readonly retry?: { readonly initialMs: number; readonly maxMs: number };
  readonly sessionTimeoutMs?: number;
  readonly log?: (level: 'info' | 'warn' | 'error', message: string) => void;
  readonly now?: () => Date;
}

/**
 * depeche's Kafka failure policy, in one place (STYLE.md: the stock NestJS transport retries a
 * throwing handler forever on one message and blocks its partition):
 * - offsets are committed only after every message of the batch is stored or dead-lettered;
 * - permanent errors go to the dead-letter topic and the consumer moves on;
 * - transient errors are retried with backoff, heartbeating, until they pass or the consumer stops;
 * - stop() lets the batch in flight finish, commits, and leaves the group.
 */
export class ResilientConsumer {
  private readonly consumer: Consumer;
  private readonly producer: Producer;
  private stopping = false;
  private assigned = new Set<string>();

  constructor(
    kafka: Kafka,
    private readonly options: ResilientConsumerOptions,
  ) {
    this.consumer = kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: options.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: 3_000,
      // Committed offsets are the only truth: a lost consumer resumes where the last durable outcome was.
      allowAutoTopicCreation: false,
    });
    // At least once is enough for dead letters: a repeat carries the same source offset.
    this.producer = kafka.producer({ maxInFlightRequests: 1 });
    const { GROUP_JOIN } = this.consumer.events;
    this.consumer.on(GROUP_JOIN, (event) => {
      const assignment = event.payload.memberAssignment;
      this.assigned = new Set(
        Object.entries(assignment).flatMap(([topic, partitions]) =>
          partitions.map((p) => `${topic}:${p}`),
        ),
      );
      this.log(
        'info',
        `joined ${options.groupId}: ${[...this.assigned].join(', ') || 'no partitions'}`,
      );
    });
  }

  /** Partitions this member owns now ("topic:partition"); readiness needs at least one. */
  assignedPartitions(): string[] {
    return [...this.assigned];
  }

  async start(handle: BatchHandler): Promise<void> {
    await this.producer.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.options.topic, fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 1,
      eachBatch: (payload) => this.processBatch(payload, handle),
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    // disconnect() waits for the batch in flight; processBatch commits before returning.
    await this.consumer.disconnect();
    await this.producer.disconnect();
  }

  private async processBatch(payload: EachBatchPayload, handle: BatchHandler): Promise<void> {
    const { batch } = payload;
    if (batch.messages.length === 0) return;
    const messages = batch.messages.map((m) => ({
      ...m,
      topic: batch.topic,
      partition: batch.partition,
    }));
    for (let attempt = 0; ; attempt++) {
      if (!payload.isRunning() || payload.isStale()) return; // not committed: the next owner processes it again
      try {
        const deadLetters = await handle(messages);
        await this.sendDeadLetters(deadLetters, batch.topic, batch.partition);
        break;
      } catch (error) {
        if (this.stopping) return;
        const delay = backoffDelay(
          attempt,
          this.options.retry?.initialMs ?? 200,
          this.options.retry?.maxMs ?? 10_000,
        );
        this.log(
          'warn',
          `transient failure on ${batch.topic}[${batch.partition}], retry in ${delay} ms: ${(error as Error).message}`,
        );
        await sleep(delay);
        await payload.heartbeat().catch(() => undefined);
      }
    }
    const last = batch.lastOffset();
    payload.resolveOffset(last);
    await this.consumer.commitOffsets([
      { topic: batch.topic, partition: batch.partition, offset: (BigInt(last) + 1n).toString() },
    ]);
    await payload.heartbeat();
  }

  private async sendDeadLetters(
    letters: readonly DeadLetter[],
    topic: string,
    partition: number,
  ): Promise<void> {
    if (letters.length === 0) return;
    const now = this.options.now?.() ?? new Date();
    await this.producer.send({
      topic: this.options.deadLetterTopic,
      acks: -1,
      messages: letters.map((letter) => deadLetterMessage(letter, { topic, partition }, now)),
    });
    for (const letter of letters) {
      this.log(
        'warn',
        `dead-lettered ${topic}[${partition}]@${letter.offset}: ${letter.error.code}: ${letter.error.message}`,
      );
    }
  }

  private log(level: 'info' | 'warn' | 'error', message: string): void {
    this.options.log?.(level, message);
  }
}
