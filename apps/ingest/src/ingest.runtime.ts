import { createKafka, ResilientConsumer } from '@depeche/kafka';
import {
  ArticleStore,
  migrate,
  MIGRATIONS,
  openDatabase,
  OutboxRepository,
  pendingMigrations,
  type SqlDatabase,
} from '@depeche/persistence';
import {
  databaseIndicator,
  IngestMetrics,
  kafkaIndicator,
  MetricsRegistry,
  migrationsIndicator,
  Periodic,
  probeConsumerLag,
  type ReadinessChecks,
} from '@depeche/observability';
import type { HealthIndicatorFunction } from '@nestjs/terminus';
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Admin, Producer } from 'kafkajs';
import { countOutcomes } from './metrics/count-outcomes';
import { IngestEnv } from './config/ingest.env';
import { OutboxRelay } from './outbox/outbox.relay';
import { CombinedStore } from './pipeline/combined-store';
import { IngestBatchHandler } from './pipeline/ingest-batch.handler';

/** Prometheus scrapes every 15 s or so; sampling more often would only load the broker. */
const GAUGE_INTERVAL_MS = 5_000;

/**
 * The ingest process's moving parts, started after the app is up and stopped in reverse order:
 * SIGTERM lets the batch in flight finish and commit, then the outbox drains what it can.
 */
@Injectable()
export class IngestRuntime
  implements OnApplicationBootstrap, OnApplicationShutdown, ReadinessChecks
{
  private readonly logger = new Logger('ingest');
  readonly db: SqlDatabase;
  private readonly consumer: ResilientConsumer;
  private readonly producer: Producer;
  private readonly relay: OutboxRelay;
  private readonly handler: IngestBatchHandler;
  private readonly metrics: IngestMetrics;
  private readonly admin: Admin;
  /** Lag and outbox backlog are sampled on a timer, off the consumer's path. */
  private readonly gauges: Periodic;
  migrated = false;

  constructor(
    private readonly env: IngestEnv,
    registry: MetricsRegistry,
  ) {
    const kafka = createKafka(env);
    this.db = openDatabase(env);
    this.metrics = new IngestMetrics(registry);
    this.admin = kafka.admin();
    const outbox = new OutboxRepository(this.db);
    this.gauges = new Periodic(
      () => this.sampleGauges(outbox),
      GAUGE_INTERVAL_MS,
      (error) => this.logger.warn(`metrics sampling failed: ${error.message}`),
    );
    // Idempotent: a retried send after a lost acknowledgement is not written twice by the broker.
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    this.consumer = new ResilientConsumer(kafka, {
      groupId: env.INGEST_GROUP_ID,
      topic: env.INGEST_TOPIC,
      deadLetterTopic: env.INGEST_DLQ_TOPIC,
      sessionTimeoutMs: env.INGEST_SESSION_TIMEOUT_MS,
      partitionsConcurrently: env.INGEST_PARTITIONS_CONCURRENTLY,
      fetchMaxBytes: env.INGEST_FETCH_MAX_BYTES,
      log: (level, message) => this.logger[level === 'info' ? 'log' : level](message),
      // Exit rather than idle: an orchestrator restarts the process, which rejoins and resumes
      // from the committed offsets. EX_SOFTWARE.
      onFatal: () => process.exit(70),
    });
    this.relay = new OutboxRelay(outbox, this.producer, {
      batchSize: 500,
      idleMs: 250,
      log: (message) => this.logger.warn(message),
    });
    this.handler = new IngestBatchHandler(new CombinedStore(new ArticleStore(this.db)), {
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
    await this.admin.connect();
    this.gauges.start();
    await this.consumer.start(async (messages) => {
      const started = performance.now();
      const handled = await this.handler.handle(messages);
      this.relay.notify();
      this.metrics.batchDuration.observe((performance.now() - started) / 1000);
      countOutcomes(this.metrics, this.logger, messages, handled, {
        maxEventBytes: this.env.INGEST_MAX_EVENT_BYTES,
        now: Date.now(),
      });
      return handled.deadLetters;
    });
  }

  /** Ready: the database answers, every migration is applied, and the consumer owns partitions. */
  indicators(): HealthIndicatorFunction[] {
    return [
      () => databaseIndicator(() => this.db.query('SELECT 1')),
      () => migrationsIndicator(() => pendingMigrations(this.db, MIGRATIONS)),
      () => kafkaIndicator(() => this.consumer.assignedPartitions()),
    ];
  }

  private async sampleGauges(outbox: OutboxRepository): Promise<void> {
    this.metrics.outboxBacklog.set(await outbox.backlog());
    const lags = await probeConsumerLag(this.admin, [
      { group: this.env.INGEST_GROUP_ID, topic: this.env.INGEST_TOPIC },
    ]);
    for (const { group, topic, partition, lag } of lags) {
      this.metrics.lag.set({ group, topic, partition: String(partition) }, lag);
    }
  }

  assignedPartitions(): string[] {
    return this.consumer.assignedPartitions();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.gauges.stop();
    await this.consumer.stop();
    await this.relay.stop();
    await this.producer.disconnect();
    await this.admin.disconnect();
    await this.db.close();
  }
}
