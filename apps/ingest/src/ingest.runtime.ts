import { createKafka, ResilientConsumer } from '@depeche/kafka';
import {
  ArticleStore,
  migrate,
  MIGRATIONS,
  openDatabase,
  OutboxRepository,
  type SqlDatabase,
} from '@depeche/persistence';
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Producer } from 'kafkajs';
import { IngestEnv } from './config/ingest.env';
import { OutboxRelay } from './outbox/outbox.relay';
import { IngestBatchHandler } from './pipeline/ingest-batch.handler';

/**
 * The ingest process's moving parts, started after the app is up and stopped in reverse order:
 * SIGTERM lets the batch in flight finish and commit, then the outbox drains what it can.
 */
@Injectable()
export class IngestRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ingest');
  readonly db: SqlDatabase;
  private readonly consumer: ResilientConsumer;
  private readonly producer: Producer;
  private readonly relay: OutboxRelay;
  private readonly handler: IngestBatchHandler;
  migrated = false;

  constructor(env: IngestEnv) {
    const kafka = createKafka(env);
    this.db = openDatabase(env);
    // Idempotent: a retried send after a lost acknowledgement is not written twice by the broker.
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    this.consumer = new ResilientConsumer(kafka, {
      groupId: env.INGEST_GROUP_ID,
      topic: env.INGEST_TOPIC,
      deadLetterTopic: env.INGEST_DLQ_TOPIC,
      sessionTimeoutMs: env.INGEST_SESSION_TIMEOUT_MS,
      partitionsConcurrently: env.INGEST_PARTITIONS_CONCURRENTLY,
      log: (level, message) => this.logger[level === 'info' ? 'log' : level](message),
      // Exit rather than idle: an orchestrator restarts the process, which rejoins and resumes
      // from the committed offsets. EX_SOFTWARE.
      onFatal: () => process.exit(70),
    });
    this.relay = new OutboxRelay(new OutboxRepository(this.db), this.producer, {
      batchSize: 500,
      idleMs: 250,
      log: (message) => this.logger.warn(message),
    });
    this.handler = new IngestBatchHandler(new ArticleStore(this.db), {
      maxEventBytes: env.INGEST_MAX_EVENT_BYTES,
      itemsTopic: env.ITEMS_TOPIC,
      now: () => new Date(),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    const applied = await migrate(this.db, MIGRATIONS);
    this.migrated = true;
    if (applied.length > 0) this.logger.log(`migrations applied: ${applied.join(', ')}`);
    await this.producer.connect();
    this.relay.start();
    await this.consumer.start(async (messages) => {
      const deadLetters = await this.handler.handle(messages);
      this.relay.notify();
      return deadLetters;
    });
  }

  assignedPartitions(): string[] {
    return this.consumer.assignedPartitions();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
    await this.relay.stop();
    await this.producer.disconnect();
    await this.db.close();
  }
}
