import { DeliveryMetrics, MetricsRegistry } from '@depeche/observability';
import { parsePrometheusText, sampleValue } from '@depeche/testing';
import { countDelivery } from './count-delivery';
import { EndpointGates } from './endpoint-gates';

const STORED = '2026-03-01T12:00:00.000Z';
const at = (ms: number): Date => new Date(Date.parse(STORED) + ms);

describe('delivery outcomes in /metrics', () => {
  it('count deliveries by partner and outcome, retries, latency and the circuit', async () => {
    const registry = new MetricsRegistry('distributor');
    const metrics = new DeliveryMetrics(registry);
    const attempt = { partner: 'le-soir', storedAt: STORED, circuit: 'closed' } as const;
    countDelivery(metrics, { ...attempt, outcome: 'failed', at: at(200) });
    countDelivery(metrics, { ...attempt, outcome: 'delivered', at: at(3_000) });
    countDelivery(metrics, { ...attempt, partner: 'rts', outcome: 'delivered', at: at(80) });
    countDelivery(metrics, {
      ...attempt,
      partner: 'rts',
      outcome: 'dead',
      circuit: 'open',
      at: at(90),
    });

    const families = parsePrometheusText(await registry.exposition());
    const deliveries = (partner: string, outcome: string): number | undefined =>
      sampleValue(families, 'depeche_deliveries_total', { app: 'distributor', partner, outcome });
    expect(deliveries('le-soir', 'failed')).toBe(1);
    expect(deliveries('le-soir', 'delivered')).toBe(1);
    expect(deliveries('rts', 'delivered')).toBe(1);
    expect(deliveries('rts', 'dead-lettered')).toBe(1);
    // Only the failed attempt was scheduled again.
    expect(sampleValue(families, 'depeche_delivery_retries_total', { partner: 'le-soir' })).toBe(1);
    expect(sampleValue(families, 'depeche_delivery_retries_total', { partner: 'rts' })).toBe(
      undefined,
    );
    // le-soir acknowledged 3 s after the store accepted the change: in the 5 s bucket, not 2.5 s.
    const bucket = (le: string): number | undefined =>
      sampleValue(families, 'depeche_delivery_seconds_bucket', { partner: 'le-soir', le });
    expect(bucket('2.5')).toBe(0);
    expect(bucket('5')).toBe(1);
    // rts's 80 ms delivery is the only one below 0.1 s.
    expect(
      sampleValue(families, 'depeche_delivery_seconds_bucket', { partner: 'rts', le: '0.1' }),
    ).toBe(1);
    // 0 closed, 2 open.
    expect(sampleValue(families, 'depeche_delivery_circuit_state', { partner: 'le-soir' })).toBe(0);
    expect(sampleValue(families, 'depeche_delivery_circuit_state', { partner: 'rts' })).toBe(2);
  });

  it('read each endpoint circuit from the gates the worker uses', () => {
    // Opens after 2 consecutive failures, for 1 s.
    const gates = new EndpointGates(4, 2, 1_000);
    expect(gates.circuitState('never-seen', 0)).toBe('closed');
    for (const now of [10, 20]) {
      gates.start('hook', now);
      gates.finish('hook', false, now);
    }
    expect(gates.circuitState('hook', 30)).toBe('open');
    expect(gates.circuitState('hook', 20 + 1_000)).toBe('half-open');
  });
});
