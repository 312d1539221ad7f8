import { createKafka, ensureTopics } from '@depeche/kafka';
import {
  databaseIndicator,
  kafkaIndicator,
  migrationsIndicator,
  type ReadinessChecks,
} from '@depeche/observability';
import {
  migrate,
  MIGRATIONS,
  openDatabase,
  pendingMigrations,
  type SqlDatabase,
} from '@depeche/persistence';
import { Injectable, Logger } from '@nestjs/common';
import type { HealthIndicatorFunction } from '@nestjs/terminus';
import type { Admin, Kafka, Producer } from 'kafkajs';
import { OpsEnv } from '../config/ops.env';

/** The ops process's connections: one database, one Kafka client, an admin and a producer. */
@Injectable()
export class OpsRuntime implements ReadinessChecks {
  private readonly logger = new Logger('ops');
  readonly db: SqlDatabase;
  readonly kafka: Kafka;
  readonly admin: Admin;
  /** Idempotent: a replay retried after a lost acknowledgement is not written twice. */
  readonly producer: Producer;
  /** Set by the consumer: what it owns now. */
  assigned: () => readonly string[] = () => [];

  constructor(private readonly env: OpsEnv) {
    this.db = openDatabase(env);
    this.kafka = createKafka(env);
    this.admin = this.kafka.admin();
    this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  }

  async start(): Promise<void> {
    const applied = await migrate(this.db, MIGRATIONS);
    if (applied.length > 0) this.logger.log(`migrations applied: ${applied.join(', ')}`);
    await this.admin.connect();
    const created = await ensureTopics(this.admin, [
      { topic: this.env.OPS_EVENTS_TOPIC, partitions: 3 },
    ]);
    if (created.length > 0) this.logger.log(`created ${created.join(', ')}`);
    await this.producer.connect();
  }

  indicators(): HealthIndicatorFunction[] {
    return [
      () => databaseIndicator(() => this.db.query('SELECT 1')),
      () => migrationsIndicator(() => pendingMigrations(this.db, MIGRATIONS)),
      () => kafkaIndicator(this.assigned),
    ];
  }

  async stop(): Promise<void> {
    await this.producer.disconnect();
    await this.admin.disconnect();
    await this.db.close();
  }
}
