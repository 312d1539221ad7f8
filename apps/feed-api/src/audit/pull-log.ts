import { PullRecorder } from '@depeche/persistence';
import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Audience } from '../audience/audience';
import { Clock } from '../runtime/clock';
import { FeedStores } from '../runtime/feed-stores';

/** What a response carried, as the audit trail knows it. */
export interface PulledContent {
  /** The stories in the document. */
  readonly articleIds: readonly string[];
  /** `rss`, `atom`, `json`, `newsml`, `ninjs`… */
  readonly format: string;
}

/**
 * Partner pulls for the audit trail (issue 7: proof of delivery), written in batches by
 * PullRecorder so that a feed response never waits on the database.
 */
@Injectable()
export class PullLog implements BeforeApplicationShutdown {
  private readonly logger = new Logger('feed-api');
  private readonly recorder: PullRecorder;

  constructor(
    stores: FeedStores,
    private readonly clock: Clock,
  ) {
    this.recorder = new PullRecorder(stores.db, {
      onError: (error) => this.logger.warn(`pulls not recorded yet: ${error.message}`),
    });
  }

  /**
   * Call after the answer is sent. Records it when a partner received a 200: a 304 or a 204
   * carried nothing new (apps/ops/README.md), and the public is not a partner. Synchronous: it
   * only appends to memory.
   */
  recordSent(
    request: FastifyRequest,
    reply: FastifyReply,
    audience: Audience,
    content: PulledContent,
  ): void {
    const etag = reply.getHeader('etag');
    this.record(
      audience,
      content,
      reply.statusCode,
      etag === undefined ? etag : String(etag),
      request.url,
    );
  }

  /** recordSent for an answer written on node's response (the feed front door). */
  record(
    audience: Audience,
    content: PulledContent,
    status: number,
    etag: string | undefined,
    path: string,
  ): void {
    if (status !== 200 || audience.kind !== 'partner') return;
    this.recorder.record({
      partnerId: audience.partner.id,
      articleIds: content.articleIds,
      format: content.format,
      etag: String(etag),
      path,
      pulledAt: this.clock.now(),
    });
  }

  /** Writes what waits now (tests; shutdown). */
  flush(): Promise<void> {
    return this.recorder.flush();
  }

  /** Before onApplicationShutdown, where FeedStores closes the database these rows go to. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.recorder.flush();
  }
}
