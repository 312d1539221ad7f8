import type { Article } from '@depeche/article';
import type { SqlDatabase, SqlExecutor } from './sql-database';

/** One version of a story on its way into the store. */
export interface IncomingVersion {
  readonly eventId: string;
  readonly article: Article;
  readonly receivedAt: string;
  readonly correlationId?: string;
}

/**
 * What storing a version did:
 * - `accepted`: it is the newest; it is now current, and its outbox message is written;
 * - `stale`: older than the current version; kept for audit, not current;
 * - `duplicate-event`: this event id was processed before; nothing changed;
 * - `duplicate-version`: another event carried this version already; nothing changed.
 */
export type StoreOutcome = 'accepted' | 'stale' | 'duplicate-event' | 'duplicate-version';

/** A message to publish once the transaction that wrote it commits (transactional outbox). */
export interface OutboxMessage {
  readonly topic: string;
  readonly key: string;
  readonly value: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface StoredArticle {
  readonly article: Article;
  readonly storedAt: string;
}

interface CurrentRow {
  version: number;
}

/**
 * The article store, the same on PostgreSQL and SQLite. Idempotent: the same event twice changes
 * nothing, and an older version never replaces a newer one.
 */
export class ArticleStore {
  constructor(private readonly db: SqlDatabase) {}

  /**
   * Stores a batch in one transaction (one commit for many events is what makes ingest fast),
   * in order, so a later event of the batch sees the effect of an earlier one.
   */
  storeBatch(
    batch: readonly IncomingVersion[],
    announce: (incoming: IncomingVersion) => OutboxMessage,
  ): Promise<StoreOutcome[]> {
    return this.db.transaction(async (tx) => {
      const outcomes: StoreOutcome[] = [];
      for (const incoming of batch) outcomes.push(await storeOne(tx, incoming, announce));
      return outcomes;
    });
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

async function storeOne(
  tx: SqlExecutor,
  incoming: IncomingVersion,
  announce: (incoming: IncomingVersion) => OutboxMessage,
): Promise<StoreOutcome> {
  const { article, eventId, receivedAt } = incoming;
  const claimed = await tx.execute(
    `INSERT INTO processed_events (event_id, article_id, version, outcome, processed_at)
     VALUES ($1, $2, $3, 'pending', $4) ON CONFLICT (event_id) DO NOTHING`,
    [eventId, article.id, article.version, receivedAt],
  );
  if (claimed === 0) return 'duplicate-event';

  const outcome = await place(tx, incoming);
  await tx.execute('UPDATE processed_events SET outcome = $1 WHERE event_id = $2', [
    outcome,
    eventId,
  ]);
  if (outcome === 'accepted') {
    await tx.execute(
      'INSERT INTO article_changes (article_id, version, change, recorded_at) VALUES ($1, $2, $3, $4)',
      [article.id, article.version, article.change, receivedAt],
    );
    const message = announce(incoming);
    await tx.execute(
      'INSERT INTO outbox (topic, message_key, message_value, headers, created_at) VALUES ($1, $2, $3, $4, $5)',
      [message.topic, message.key, message.value, JSON.stringify(message.headers), receivedAt],
    );
  }
  return outcome;
}

async function place(tx: SqlExecutor, incoming: IncomingVersion): Promise<StoreOutcome> {
  const { article } = incoming;
  // PostgreSQL: lock the current row so a concurrent writer of the same story waits (a rebalance
  // can briefly hand one partition to two consumers). SQLite's write lock already serialises.
  const lock = tx.kind === 'postgres' ? ' FOR UPDATE' : '';
  const [current] = await tx.query<CurrentRow>(
    `SELECT version FROM articles WHERE article_id = $1${lock}`,
    [article.id],
  );
  if (current && article.version === current.version) return 'duplicate-version';
  const stale = current !== undefined && article.version < current.version;
  const kept = await tx.execute(
    `INSERT INTO article_versions (article_id, version, change, event_id, stale, document, received_at, correlation_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (article_id, version) DO NOTHING`,
    [
      article.id,
      article.version,
      article.change,
      incoming.eventId,
      stale,
      JSON.stringify(article),
      incoming.receivedAt,
      incoming.correlationId ?? null,
    ],
  );
  if (kept === 0) return 'duplicate-version';
  if (stale) return 'stale';
  await tx.execute(
    `INSERT INTO articles (article_id, guid, version, change, language, document, first_published_at,
       updated_at, embargo_until, withdrawn_at, stored_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (article_id) DO UPDATE SET
       version = excluded.version, change = excluded.change, language = excluded.language,
       document = excluded.document, first_published_at = excluded.first_published_at,
       updated_at = excluded.updated_at, embargo_until = excluded.embargo_until,
       withdrawn_at = excluded.withdrawn_at, stored_at = excluded.stored_at
     WHERE articles.version < excluded.version`,
    [
      article.id,
      article.guid,
      article.version,
      article.change,
      article.language,
      JSON.stringify(article),
      article.firstPublishedAt,
      article.updatedAt,
      article.embargoUntil ?? null,
      article.withdrawnAt ?? null,
      incoming.receivedAt,
    ],
  );
  return 'accepted';
}
