import type { Article } from '@depeche/article';
import { storeVersions } from './article-store.batch';
import { ConcurrentWriteError } from './article-store.batch-write';
import type { SqlDatabase } from './sql-database';

/** One version of a story on its way into the store. */
export interface IncomingVersion {
  readonly eventId: string;
  readonly article: Article;
  /** JSON.stringify(article), where the caller has it already (ingest measures it). */
  readonly document?: string;
  readonly receivedAt: string;
  readonly correlationId?: string;
}

/**
 * What storing a version did:
 * - `accepted`: it is the newest; it is now current, and its outbox message is written;
 * - `stale`: older than the current version; kept for audit, not current;
 * - `duplicate-event`: this event id was processed before; nothing changed;
 * - `duplicate-version`: another event carried this version already, with the same content;
 *   nothing changed;
 * - `conflicting-version`: another event carried this version already, with other content (a
 *   withdrawal or an update whose version the CMS did not raise). Nothing changed, and the event
 *   id is not recorded: the caller dead-letters the event, again if it comes again, so that it is
 *   neither applied over the version it contradicts nor lost.
 */
export type StoreOutcome =
  'accepted' | 'stale' | 'duplicate-event' | 'duplicate-version' | 'conflicting-version';

/** A message to publish once the transaction that wrote it commits (transactional outbox). */
export interface OutboxMessage {
  readonly topic: string;
  readonly key: string;
  readonly value: string;
  readonly headers: Readonly<Record<string, string>>;
  /**
   * The stored version whose document the relay splices into `value` at character `at`. An item
   * embeds the whole article: referring to the copy kept in article_versions instead of writing a
   * third one is about a third of what ingest writes per event.
   */
  readonly embeds?: { readonly articleId: string; readonly version: number; readonly at: number };
}

export interface StoredArticle {
  readonly article: Article;
  readonly storedAt: string;
}

/** Runs of a batch's transaction when other writers keep storing the same events meanwhile. */
const CONCURRENT_WRITE_ATTEMPTS = 3;

/**
 * The article store, the same on PostgreSQL and SQLite. Idempotent: the same event twice changes
 * nothing, and an older version never replaces a newer one.
 */
export class ArticleStore {
  constructor(private readonly db: SqlDatabase) {}

  /**
   * Stores a batch in one transaction (one commit for many events is what makes ingest fast).
   * The outcomes are those of storing the versions one after another, in batch order, so a later
   * event of the batch sees the effect of an earlier one; but the work is set-based, a few
   * multi-row statements per batch rather than several per event (see article-store.batch.ts).
   */
  async storeBatch(
    batch: readonly IncomingVersion[],
    announce: (incoming: IncomingVersion) => OutboxMessage,
  ): Promise<StoreOutcome[]> {
    if (batch.length === 0) return [];
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction((tx) => storeVersions(tx, batch, announce));
      } catch (error) {
        // A race lost to another writer of the same events is settled by running again at once;
        // anything else (or a race lost every time) goes to the caller, whose retry backs off.
        if (!(error instanceof ConcurrentWriteError) || attempt >= CONCURRENT_WRITE_ATTEMPTS) {
          throw error;
        }
      }
    }
  }

  async current(articleId: string): Promise<StoredArticle | undefined> {
    const [row] = await this.db.query<{ document: string; stored_at: string }>(
      'SELECT document, stored_at FROM articles WHERE article_id = $1',
      [articleId],
    );
    return row && { article: JSON.parse(row.document) as Article, storedAt: row.stored_at };
  }

  /** Every version received, oldest first, stale ones included (the audit trail). */
  async versions(
    articleId: string,
  ): Promise<{ article: Article; stale: boolean; eventId: string }[]> {
    const rows = await this.db.query<{
      document: string;
      stale: boolean | number;
      event_id: string;
    }>(
      'SELECT document, stale, event_id FROM article_versions WHERE article_id = $1 ORDER BY version',
      [articleId],
    );
    return rows.map((r) => ({
      article: JSON.parse(r.document) as Article,
      stale: Boolean(r.stale),
      eventId: r.event_id,
    }));
  }

  async countArticles(): Promise<number> {
    const [row] = await this.db.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM articles');
    return Number(row?.n ?? 0);
  }
}
