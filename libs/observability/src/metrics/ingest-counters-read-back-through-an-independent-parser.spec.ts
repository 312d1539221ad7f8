import { parsePrometheusText, sampleValue } from '@depeche/testing';
import { IngestMetrics } from './ingest-metrics';
import { MetricsRegistry } from './metrics-registry';

describe('the ingest metrics exposition', () => {
  it('parses strictly and carries what was counted, with the app label', async () => {
    const registry = new MetricsRegistry('ingest');
    const metrics = new IngestMetrics(registry);
    metrics.consumed.inc({ type: 'article.published', outcome: 'stored' }, 2);
    metrics.consumed.inc({ type: 'unknown', outcome: 'dead-lettered' });
    metrics.deadLettered.inc({ reason: 'invalid-json' });
    metrics.latency.observe(0.2);
    metrics.latency.observe(3);
    metrics.lag.set({ group: 'g', topic: 't', partition: '0' }, 7);
    metrics.outboxBacklog.set(4);

    const families = parsePrometheusText(await registry.exposition());

    const stored = { app: 'ingest', type: 'article.published', outcome: 'stored' };
    expect(sampleValue(families, 'depeche_events_consumed_total', stored)).toBe(2);
    expect(
      sampleValue(families, 'depeche_events_dead_lettered_total', { reason: 'invalid-json' }),
    ).toBe(1);
    // 0.2 s falls in the 0.25 bucket, 3 s in the 5 bucket; both in +Inf.
    expect(sampleValue(families, 'depeche_event_processing_seconds_bucket', { le: '0.25' })).toBe(
      1,
    );
    expect(sampleValue(families, 'depeche_event_processing_seconds_bucket', { le: '5' })).toBe(2);
    expect(sampleValue(families, 'depeche_event_processing_seconds_count')).toBe(2);
    expect(sampleValue(families, 'depeche_consumer_lag', { partition: '0' })).toBe(7);
    expect(sampleValue(families, 'depeche_outbox_backlog')).toBe(4);
    expect(families.get('depeche_events_consumed_total')?.type).toBe('counter');
    // Process metrics come along, prefixed.
    expect(families.has('depeche_process_cpu_user_seconds_total')).toBe(true);
  });
});
