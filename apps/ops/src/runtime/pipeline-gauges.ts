import {
  consumerLagGauge,
  MetricsRegistry,
  Periodic,
  probeConsumerLag,
  type PartitionLag,
} from '@depeche/observability';
import { OutboxRepository } from '@depeche/persistence';
import { Injectable, Logger } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { OpsEnv } from '../config/ops.env';
import { OpsRuntime } from './ops-runtime';

export interface PipelineGaugeReading {
  readonly lags: readonly PartitionLag[];
  readonly outboxBacklog: number;
  readonly sampledAt?: string;
  readonly error?: string;
}

/** Sampling more often than every few seconds would only load the broker. */
const SAMPLE_MS = 3_000;

/**
 * Lag of the pipeline's consumer groups and the outbox backlog, sampled on a timer so that pages
 * and the live stream read the last sample instead of asking the broker per viewer.
 */
@Injectable()
export class PipelineGauges {
  private readonly logger = new Logger('ops-gauges');
  private reading: PipelineGaugeReading = { lags: [], outboxBacklog: 0 };
  private readonly periodic: Periodic;
  private readonly lagGauge: Gauge<'group' | 'topic' | 'partition'>;
  private readonly backlogGauge: Gauge;

  constructor(env: OpsEnv, runtime: OpsRuntime, metrics: MetricsRegistry) {
    this.lagGauge = consumerLagGauge(metrics.registry);
    this.backlogGauge = new Gauge({
      name: 'depeche_outbox_backlog',
      help: 'Outbox messages committed but not yet relayed to Kafka.',
      registers: [metrics.registry],
    });
    const outbox = new OutboxRepository(runtime.db);
    const groups = [
      { group: env.INGEST_GROUP_ID, topic: env.INGEST_TOPIC },
      { group: env.DISTRIBUTOR_GROUP_ID, topic: env.ITEMS_TOPIC },
    ];
    this.periodic = new Periodic(
      async () => {
        const lags = await probeConsumerLag(runtime.admin, groups);
        const outboxBacklog = await outbox.backlog();
        this.reading = { lags, outboxBacklog, sampledAt: new Date().toISOString() };
        for (const l of lags) {
          this.lagGauge.set(
            { group: l.group, topic: l.topic, partition: String(l.partition) },
            l.lag,
          );
        }
        this.backlogGauge.set(outboxBacklog);
      },
      SAMPLE_MS,
      (error) => {
        this.reading = { ...this.reading, error: error.message };
        this.logger.warn(`sampling failed: ${error.message}`);
      },
    );
  }

  start(): void {
    this.periodic.start();
  }

  stop(): Promise<void> {
    return this.periodic.stop();
  }

  latest(): PipelineGaugeReading {
    return this.reading;
  }
}
