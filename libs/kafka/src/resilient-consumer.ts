import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { backoffDelay, sleep } from './backoff';
import { chunkByBytes } from './chunk-by-bytes';
import { CommitQueue } from './commit-queue';
import { deadLetterMessage, type DeadLetter } from './dead-letter';
import { isRebalance } from './rebalance';

/** Well under the dead-letter topic's 8 MiB max.message.bytes; one larger letter goes alone. */
const DEAD_LETTER_REQUEST_BYTES = 1024 * 1024;

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
  /** Upper bound of one fetch response, all partitions together (kafkajs default 10 MiB). */
  readonly fetchMaxBytes?: number;
  /** Partitions processed at once (each still one batch at a time, in order). Default 1. */
  readonly partitionsConcurrently?: number;
  readonly log?: (level: 'info' | 'warn' | 'error', message: string) => void;
  readonly now?: () => Date;
  /** The consumer stopped for good after an error kafkajs does not retry. */
  readonly onFatal?: (error: Error) => void;
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
  private readonly commits = new CommitQueue((error) =>
    this.log(
      'warn',
      `offset commit failed (a later one or the next owner covers it): ${error.message}`,
    ),
  );

  constructor(
    kafka: Kafka,
    private readonly options: ResilientConsumerOptions,
  ) {
    this.consumer = kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: options.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: 3_000,
      // What is fetched and not yet processed sits in memory: the bound is the process's footprint.
      maxBytes: options.fetchMaxBytes ?? 10 * 1024 * 1024,
      // Committed offsets are the only truth: a lost consumer resumes where the last durable outcome was.
      allowAutoTopicCreation: false,
    });
    // At least once is enough for dead letters: a repeat carries the same source offset.
    this.producer = kafka.producer({ maxInFlightRequests: 1 });
    const { GROUP_JOIN, REBALANCING, STOP, CRASH } = this.consumer.events;
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
    // Between a rebalance and the next join, and after a stop, this member owns nothing.
    this.consumer.on(REBALANCING, () => {
      this.assigned = new Set();
      this.commits.forget();
    });
    this.consumer.on(STOP, () => (this.assigned = new Set()));
    // kafkajs restarts the consumer after a retriable crash; after any other it stays stopped, a
    // process that looks alive and consumes nothing. Say so, and let the app decide (ingest exits
    // so that the orchestrator restarts it).
    this.consumer.on(CRASH, (event) => {
      this.assigned = new Set();
      this.commits.forget();
      const { error, restart } = event.payload;
      this.log(
        'error',
        `consumer crashed (${restart ? 'restarting' : 'stopped'}): ${error.message}`,
      );
      if (!restart && !this.stopping) options.onFatal?.(error);
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
      partitionsConsumedConcurrently: this.options.partitionsConcurrently ?? 1,
      eachBatch: (payload) => this.processBatch(payload, handle),
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    // Commits queued before the stop go out while this member is still in the group; disconnect()
    // waits for the batch in flight, which, stopping, commits before returning.
    await this.commits.flush();
    await this.consumer.disconnect();
    await this.commits.flush();
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
        await this.heartbeatWhileRetrying(payload);
      }
    }
    const last = batch.lastOffset();
    payload.resolveOffset(last);
    // Not consumer.commitOffsets: it does nothing once stop() has begun (kafkajs checks that the
    // runner is running), and a batch finished during shutdown must be committed, or the next owner
    // repeats it. The payload's commit goes straight to the group coordinator.
    const offset = {
      topic: batch.topic,
      partition: batch.partition,
      offset: `${BigInt(last) + 1n}`,
    };
    this.commits.add(offset, (offsets) => payload.commitOffsetsIfNecessary(offsets));
    if (this.stopping) await this.commits.flush();
    if (payload.isRunning()) await payload.heartbeat();
  }

  /**
   * Keeps the membership alive while a transient fault lasts. A rebalance answer means this member
   * may no longer own the partition: rethrow it so kafkajs rejoins (the uncommitted batch goes to
   * whoever owns the partition next). Other heartbeat failures (the broker is restarting) are left
   * to the next attempt.
   */
  private async heartbeatWhileRetrying(payload: EachBatchPayload): Promise<void> {
    try {
      await payload.heartbeat();
    } catch (error) {
      if (isRebalance(error)) throw error;
      this.log('warn', `heartbeat failed while retrying: ${(error as Error).message}`);
    }
  }

  /**
   * One request per run of at most DEAD_LETTER_REQUEST_BYTES: kafkajs puts a partition's messages
   * in one record batch, and a batch over the topic's max.message.bytes would be refused forever.
   */
  private async sendDeadLetters(
    letters: readonly DeadLetter[],
    topic: string,
    partition: number,
  ): Promise<void> {
    if (letters.length === 0) return;
    const now = this.options.now?.() ?? new Date();
    const runs = chunkByBytes(
      letters,
      (letter) => letter.value?.length ?? 0,
      DEAD_LETTER_REQUEST_BYTES,
    );
    for (const run of runs) {
      await this.producer.send({
        topic: this.options.deadLetterTopic,
        acks: -1,
        messages: run.map((letter) => deadLetterMessage(letter, { topic, partition }, now)),
      });
    }
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
