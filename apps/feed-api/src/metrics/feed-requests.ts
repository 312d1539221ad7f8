import { FeedMetrics } from '@depeche/observability';
import { Injectable } from '@nestjs/common';
import type { Counter } from 'prom-client';

/** `hit`/`miss`: the document was cached or built; `not-modified`: a 304; `none`: an error before any look-up. */
export type CacheOutcome = 'hit' | 'miss' | 'not-modified' | 'none';

/**
 * `depeche_feed_requests_total` for the feed hot path: one child counter per (status, cache) pair,
 * bound on first use, so a request builds no label object; what is left is a Map look-up and
 * prom-client's increment (a short string key, an add): O(1), well under a microsecond.
 */
@Injectable()
export class FeedRequests {
  private readonly children = new Map<string, Counter.Internal>();

  constructor(private readonly metrics: FeedMetrics) {}

  count(status: number, cache: CacheOutcome): void {
    const key = `${status}${cache}`;
    let child = this.children.get(key);
    if (child === undefined) {
      child = this.metrics.requests.labels({ status: String(status), cache });
      this.children.set(key, child);
    }
    child.inc();
  }
}
