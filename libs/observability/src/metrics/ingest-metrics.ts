import { Counter, Gauge, Histogram } from 'prom-client';
import type { MetricsRegistry } from './metrics-registry';

/** What ingest counts. Names follow Prometheus conventions: `_total` counters, base units. */
export class IngestMetrics {
  readonly consumed: Counter<'type' | 'outcome'>;
  readonly deadLettered: Counter<'reason'>;
  readonly latency: Histogram;
  readonly batchDuration: Histogram;
  readonly lag: Gauge<'topic' | 'partition' | 'group'>;
  readonly outboxBacklog: Gauge;

  constructor({ registry }: MetricsRegistry) {
    this.consumed = new Counter({
      name: 'depeche_events_consumed_total',
      help: 'Article events consumed, by event type and outcome (stored or dead-lettered).',
      labelNames: ['type', 'outcome'],
      registers: [registry],
    });
    this.deadLettered = new Counter({
      name: 'depeche_events_dead_lettered_total',
      help: 'Events sent to the dead-letter topic, by error code.',
      labelNames: ['reason'],
      registers: [registry],
    });
    this.latency = new Histogram({
      name: 'depeche_event_processing_seconds',
      help: 'From the broker timestamp of an event to its outcome being durable.',
      // Produce-to-stored spans milliseconds when idle to tens of seconds under a backlog.
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers: [registry],
    });
    this.batchDuration = new Histogram({
      name: 'depeche_ingest_batch_seconds',
      help: 'Time to decode, normalise and store one Kafka batch.',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    this.lag = consumerLagGauge(registry);
    this.outboxBacklog = new Gauge({
      name: 'depeche_outbox_backlog',
      help: 'Outbox messages committed but not yet relayed to Kafka.',
      registers: [registry],
    });
  }
}

export function consumerLagGauge(
  registry: MetricsRegistry['registry'],
): Gauge<'topic' | 'partition' | 'group'> {
  const existing = registry.getSingleMetric('depeche_consumer_lag');
  if (existing) return existing as Gauge<'topic' | 'partition' | 'group'>;
  return new Gauge({
    name: 'depeche_consumer_lag',
    help: 'Messages between the group committed offset and the high watermark, per partition.',
    labelNames: ['group', 'topic', 'partition'],
    registers: [registry],
  });
}
