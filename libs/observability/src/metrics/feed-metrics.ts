import { Counter } from 'prom-client';
import type { MetricsRegistry } from './metrics-registry';

/** For feed-api: `renders.inc({ format })` on each render, `requests.inc({ status, cache })` per response. */
export class FeedMetrics {
  readonly renders: Counter<'format'>;
  readonly requests: Counter<'status' | 'cache'>;

  constructor({ registry }: MetricsRegistry) {
    this.renders = new Counter({
      name: 'depeche_renders_total',
      help: 'Renditions rendered, by format.',
      labelNames: ['format'],
      registers: [registry],
    });
    this.requests = new Counter({
      name: 'depeche_feed_requests_total',
      help: 'Feed requests by HTTP status and cache outcome (hit, miss, not-modified).',
      labelNames: ['status', 'cache'],
      registers: [registry],
    });
  }
}
