import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * One Prometheus registry per app, with the process metrics (CPU, memory, event loop lag) and an
 * `app` label on every series, so one dashboard can tell ingest from feed-api.
 * Not prom-client's global registry: tests build several apps in one process.
 */
export class MetricsRegistry {
  readonly registry = new Registry();

  constructor(readonly app: string) {
    this.registry.setDefaultLabels({ app });
    collectDefaultMetrics({ register: this.registry, prefix: 'depeche_' });
  }

  exposition(): Promise<string> {
    return this.registry.metrics();
  }
}
