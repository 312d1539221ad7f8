import type { CircuitState, DeliveryMetrics } from '@depeche/observability';

/** One attempt's outcome as the worker reports it (the `DeliveryEvent` outcomes of ops.events). */
export interface CountedAttempt {
  readonly partner: string;
  readonly outcome: 'delivered' | 'failed' | 'dead';
  /** When the store accepted the change (syndication.items `storedAt`): latency counts from it. */
  readonly storedAt: string;
  readonly at: Date;
  /** The circuit of the endpoint just attempted, after this attempt. */
  readonly circuit: CircuitState;
}

/** The `outcome` label values DeliveryMetrics documents. */
const OUTCOME_LABELS = { delivered: 'delivered', failed: 'failed', dead: 'dead-lettered' } as const;

/**
 * Counts one attempt: its outcome, a retry when one was scheduled ('failed' means it will be
 * tried again), the produce-to-acknowledged latency of a delivery, and the partner's circuit.
 */
export function countDelivery(metrics: DeliveryMetrics, attempt: CountedAttempt): void {
  const { partner, outcome } = attempt;
  metrics.deliveries.inc({ partner, outcome: OUTCOME_LABELS[outcome] });
  if (outcome === 'failed') metrics.retries.inc({ partner });
  if (outcome === 'delivered') {
    const seconds = (attempt.at.getTime() - Date.parse(attempt.storedAt)) / 1000;
    // Clocks of two hosts may disagree by a little: never a negative observation.
    if (Number.isFinite(seconds)) metrics.latency.observe({ partner }, Math.max(0, seconds));
  }
  // Updated on each attempt: an open circuit sends nothing, so it reads open until its probe
  // (half-open) ends, which sets it closed or open again.
  metrics.setCircuit(partner, attempt.circuit);
}
