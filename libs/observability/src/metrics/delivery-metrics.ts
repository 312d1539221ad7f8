import { Counter, Gauge, Histogram } from 'prom-client';
import type { MetricsRegistry } from './metrics-registry';

/** The states a per-partner circuit breaker reports (0, 1, 2 in the gauge). */
export const CIRCUIT_STATES = ['closed', 'half-open', 'open'] as const;
export type CircuitState = (typeof CIRCUIT_STATES)[number];

/** For the distributor: deliveries, their latency, retries and each partner's circuit. */
export class DeliveryMetrics {
  readonly deliveries: Counter<'partner' | 'outcome'>;
  readonly latency: Histogram<'partner'>;
  readonly retries: Counter<'partner'>;
  private readonly circuit: Gauge<'partner'>;

  constructor({ registry }: MetricsRegistry) {
    this.deliveries = new Counter({
      name: 'depeche_deliveries_total',
      help: 'Delivery attempts by partner and outcome (delivered, failed, dead-lettered).',
      labelNames: ['partner', 'outcome'],
      registers: [registry],
    });
    this.latency = new Histogram({
      name: 'depeche_delivery_seconds',
      help: 'From the item on syndication.items to the partner acknowledging it.',
      labelNames: ['partner'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers: [registry],
    });
    this.retries = new Counter({
      name: 'depeche_delivery_retries_total',
      help: 'Delivery retries by partner.',
      labelNames: ['partner'],
      registers: [registry],
    });
    this.circuit = new Gauge({
      name: 'depeche_delivery_circuit_state',
      help: 'Circuit breaker per partner: 0 closed, 1 half-open, 2 open.',
      labelNames: ['partner'],
      registers: [registry],
    });
  }

  setCircuit(partner: string, state: CircuitState): void {
    this.circuit.set({ partner }, CIRCUIT_STATES.indexOf(state));
  }
}
