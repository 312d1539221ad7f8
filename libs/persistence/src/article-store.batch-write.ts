import type { IncomingVersion, OutboxMessage, StoreOutcome } from './article-store';
import { compare, insertRows } from './sql-batch';
import type { SqlExecutor, SqlValue } from './sql-database';

/**
 * Another writer stored some of the batch's events or versions between this transaction's reads
 * and its writes (two consumers of one partition during a rebalance): the transaction is rolled
 * back and run again, and the second run sees what the other stored.
 */
export class ConcurrentWriteError extends Error {
  constructor(table: string) {
    super(`${table} changed while the batch was stored; retry the batch`);
  }
}

/**
 * The change log's advisory lock on PostgreSQL: every insert into article_changes takes it (a trigger,
 * migration 0008, which writes the number itself: a released migration is never edited).
 */
export const CHANGES_LOCK = 7461001;

/**
 * Writes what the outcomes call for, one multi-row statement per table and chunk: every version kept,
 * the newest accepted version of each story, and a change and an outbox message per accepted one.
 */
export async function writeOutcomes(
  tx: SqlExecutor,
  batch: readonly IncomingVersion[],
  outcomes: readonly StoreOutcome[],
  announce: (incoming: IncomingVersion) => OutboxMessage,
): Promise<void> {
  const kept: { incoming: IncomingVersion; stale: boolean; document: string }[] = [];
  batch.forEach((incoming, i) => {
    const outcome = outcomes[i];
    if (outcome === 'accepted' || outcome === 'stale') {
      kept.push({
        incoming,
        stale: outcome === 'stale',
        document: incoming.document ?? JSON.stringify(incoming.article),
      });
    }
  });
  const accepted = kept.filter((k) => !k.stale);

  const inserted = await insertRows(
    tx,
    'article_versions',
    [
      'article_id',
      'version',
      'change',
      'event_id',
      'stale',
      'document',
      'received_at',
      'correlation_id',
    ],
    kept.map(({ incoming: { article, eventId, receivedAt, correlationId }, stale, document }) => [
      article.id,
      article.version,
      article.change,
      eventId,
      stale,
      document,
      receivedAt,
      correlationId ?? null,
    ]),
    'ON CONFLICT (article_id, version) DO NOTHING',
  );
  // Only a concurrent writer of a story new to the database (no row to lock yet) can get here
  // first. Decisions made without its version may be wrong: roll back, and the retry sees it.
  if (inserted !== kept.length) {
    throw new ConcurrentWriteError('article_versions');
  }

  await upsertCurrent(tx, accepted);

  // Batch order: the relay sends by outbox id, and partners read changes by seq.
  await insertRows(
    tx,
    'outbox',
    [
      'topic',
      'message_key',
      'message_value',
      'headers',
      'created_at',
      'article_id',
      'version',
      'document_at',
    ],
    accepted.map(({ incoming }) => {
      const message = announce(incoming);
      const headers = JSON.stringify(message.headers);
      const { embeds } = message;
      return [
        message.topic,
        message.key,
        message.value,
        headers,
        incoming.receivedAt,
        embeds?.articleId ?? null,
        embeds?.version ?? null,
        embeds?.at ?? null,
      ];
    }),
  );

  await recordOutcomes(tx, batch, outcomes);
  await recordChanges(tx, accepted);
}

/**
 * Numbers each accepted change for the partners' change cursor. On PostgreSQL the insert takes the
 * change-log lock and notifies feed-api by itself (triggers of migration 0008: seq values are drawn
 * before commit, and the lock makes the writers of article_changes commit in seq order). It comes
 * last, so that the lock is held for as short a time as possible before the commit.
 */
async function recordChanges(
  tx: SqlExecutor,
  accepted: readonly { incoming: IncomingVersion }[],
): Promise<void> {
  if (accepted.length === 0) return;
  await insertRows(
    tx,
    'article_changes',
    ['article_id', 'version', 'change', 'recorded_at'],
    accepted.map(({ incoming: { article, receivedAt } }) => [
      article.id,
      article.version,
      article.change,
      receivedAt,
    ]),
  );
}

/**
 * Makes the newest accepted version of each story current. Only one row per story: PostgreSQL
 * refuses to update one row twice in a statement. The WHERE keeps a newer row a concurrent writer
 * may have committed.
 */
async function upsertCurrent(
  tx: SqlExecutor,
  accepted: readonly { incoming: IncomingVersion; document: string }[],
): Promise<void> {
  const newest = new Map<string, { incoming: IncomingVersion; document: string }>();
  // Accepted versions of a story rise through the batch, so the last one is the newest.
  for (const k of accepted) newest.set(k.incoming.article.id, k);
  const rows = [...newest.values()]
    .sort((a, b) => compare(a.incoming.article.id, b.incoming.article.id))
    .map(({ incoming: { article, receivedAt }, document }): SqlValue[] => [
      article.id,
      article.guid,
      article.version,
      article.change,
      article.language,
      document,
      article.firstPublishedAt,
      article.updatedAt,
      article.embargoUntil ?? null,
      article.withdrawnAt ?? null,
      receivedAt,
    ]);
  await insertRows(
    tx,
    'articles',
    [
      'article_id',
      'guid',
      'version',
      'change',
      'language',
      'document',
      'first_published_at',
      'updated_at',
      'embargo_until',
      'withdrawn_at',
      'stored_at',
    ],
    rows,
    `ON CONFLICT (article_id) DO UPDATE SET
       version = excluded.version, change = excluded.change, language = excluded.language,
       document = excluded.document, first_published_at = excluded.first_published_at,
       updated_at = excluded.updated_at, embargo_until = excluded.embargo_until,
       withdrawn_at = excluded.withdrawn_at, stored_at = excluded.stored_at
     WHERE articles.version < excluded.version`,
  );
}

/**
 * Records each new event id with its outcome, once, in sorted order (two overlapping batches
 * insert in the same order and cannot deadlock). The ids were read as unseen before the batch was
 * decided; one that another consumer of the partition (during a rebalance) stored since makes the
 * insert come short: roll back, and the retry sees it as a duplicate.
 */
async function recordOutcomes(
  tx: SqlExecutor,
  batch: readonly IncomingVersion[],
  outcomes: readonly StoreOutcome[],
): Promise<void> {
  const rows: SqlValue[][] = [];
  batch.forEach(({ eventId, article, receivedAt }, i) => {
    const outcome = outcomes[i];
    if (outcome === undefined || outcome === 'duplicate-event') return;
    if (outcome === 'conflicting-version') return;
    rows.push([eventId, article.id, article.version, outcome, receivedAt]);
  });
  rows.sort((a, b) => compare(String(a[0]), String(b[0])));
  const inserted = await insertRows(
    tx,
    'processed_events',
    ['event_id', 'article_id', 'version', 'outcome', 'processed_at'],
    rows,
    'ON CONFLICT (event_id) DO NOTHING',
  );
  if (inserted !== rows.length) {
    throw new ConcurrentWriteError('processed_events');
  }
}
