import type { Article } from '@depeche/article';
import { pullsOfArticle, type PullRecord } from './audit-pulls';
import { OpsDeliveryEventStore, type DeliveryEvent } from './ops-delivery-events';
import type { SqlDatabase } from './sql-database';

/** One version of a story as received, stale ones included. */
export interface ReceivedVersion {
  readonly version: number;
  readonly change: string;
  readonly eventId: string;
  readonly stale: boolean;
  readonly receivedAt: string;
  readonly correlationId?: string;
  readonly article: Article;
}

/**
 * Where delivery attempts come from. The default reads what the distributor reported on
 * `ops.events`; when the distributor's own tables settle, an implementation reading them directly
 * can be passed to ArticleAuditTrail instead (the seam is this one method).
 */
export interface DeliveryAttemptSource {
  attemptsFor(articleId: string): Promise<DeliveryEvent[]>;
}

export interface ArticleAudit {
  readonly articleId: string;
  readonly versions: ReceivedVersion[];
  readonly deliveries: DeliveryEvent[];
  readonly pulls: PullRecord[];
}

/** The proof of delivery for one story: what we received, what we sent, what partners fetched. */
export class ArticleAuditTrail {
  private readonly deliveries: DeliveryAttemptSource;

  constructor(
    private readonly db: SqlDatabase,
    deliveries?: DeliveryAttemptSource,
  ) {
    const store = new OpsDeliveryEventStore(db);
    this.deliveries = deliveries ?? { attemptsFor: (id) => store.forArticle(id) };
  }

  async of(articleId: string): Promise<ArticleAudit> {
    const rows = await this.db.query<{
      version: number | string;
      change: string;
      event_id: string;
      stale: boolean | number;
      received_at: string;
      correlation_id: string | null;
      document: string;
    }>(
      `SELECT version, change, event_id, stale, received_at, correlation_id, document
       FROM article_versions WHERE article_id = $1 ORDER BY version`,
      [articleId],
    );
    return {
      articleId,
      versions: rows.map((r) => ({
        version: Number(r.version),
        change: r.change,
        eventId: r.event_id,
        stale: Boolean(r.stale),
        receivedAt: r.received_at,
        ...(r.correlation_id ? { correlationId: r.correlation_id } : {}),
        article: JSON.parse(r.document) as Article,
      })),
      deliveries: await this.deliveries.attemptsFor(articleId),
      pulls: await pullsOfArticle(this.db, articleId),
    };
  }
}
