import type { IncomingVersion, OutboxMessage, StoreOutcome } from './article-store';
import { chunks, compare, placeholders, queryIn } from './sql-batch';
import { writeOutcomes } from './article-store.batch-write';
import type { SqlExecutor } from './sql-database';

/**
 * Stores a batch with a few statements per 200 events instead of ~7 per event: read which event
 * ids are new, lock and read what is current, decide every outcome in memory as if the versions arrived one
 * after another, then write each table with multi-row inserts.
 */
export async function storeVersions(
  tx: SqlExecutor,
  batch: readonly IncomingVersion[],
  announce: (incoming: IncomingVersion) => OutboxMessage,
): Promise<StoreOutcome[]> {
  const claimed = await claimEvents(tx, batch);
  const ours = batch.filter((incoming) => claimed.has(incoming.eventId));
  const { versions: current, guids } = await lockCurrent(tx, ours);
  const stable = keepGuids(batch, guids);
  const known = await knownVersions(tx, ours);
  const outcomes = decide(stable, claimed, current, known);
  await writeOutcomes(tx, stable, outcomes, announce);
  return outcomes;
}

/**
 * The batch with each story's guid as first stored. The guid is derived from the provider and the
 * id; a later version from another provider (an agency story taken over by the newsroom, a
 * renamed CMS source) would otherwise get a new guid, and every partner would see a second story
 * beside the first. A version whose guid differs is stored, announced and rendered with the
 * story's guid; the rest of the batch is passed through as it is.
 */
function keepGuids(
  batch: readonly IncomingVersion[],
  stored: ReadonlyMap<string, string>,
): IncomingVersion[] {
  const guids = new Map(stored);
  return batch.map((incoming) => {
    const { article } = incoming;
    const guid = guids.get(article.id);
    if (guid === undefined) {
      guids.set(article.id, article.guid);
      return incoming;
    }
    if (guid === article.guid) return incoming;
    const { document: _stale, ...rest } = incoming;
    return { ...rest, article: { ...article, guid } };
  });
}

/**
 * The event ids of the batch seen for the first time: neither in processed_events nor earlier in
 * the batch. Nothing is written here; recordOutcomes inserts them with their outcomes at the end,
 * and fails (the batch is retried) if another consumer stored one of them in between.
 */
async function claimEvents(
  tx: SqlExecutor,
  batch: readonly IncomingVersion[],
): Promise<Set<string>> {
  const ids = [...new Set(batch.map((incoming) => incoming.eventId))].sort(compare);
  const seen = await queryIn<{ event_id: string }>(
    tx,
    ids,
    (list) => `SELECT event_id FROM processed_events WHERE event_id IN (${list})`,
  );
  const known = new Set(seen.map((row) => row.event_id));
  return new Set(ids.filter((id) => !known.has(id)));
}

/**
 * The current version of each story the claimed events touch. On PostgreSQL the rows are locked
 * (FOR UPDATE), in one sorted order so two writers cannot deadlock, so a concurrent writer of the
 * same story waits for this commit. SQLite's BEGIN IMMEDIATE already serialises writers.
 */
async function lockCurrent(
  tx: SqlExecutor,
  ours: readonly IncomingVersion[],
): Promise<{ versions: Map<string, number>; guids: Map<string, string> }> {
  const ids = distinct(ours.map((incoming) => incoming.article.id)).sort(compare);
  // COLLATE "C" orders by bytes, the same order as `compare` for the ASCII ids stories carry, so
  // the rows are locked in one global order across chunks.
  const lock = tx.kind === 'postgres' ? ' ORDER BY article_id COLLATE "C" FOR UPDATE' : '';
  const rows = await queryIn<{ article_id: string; version: number; guid: string }>(
    tx,
    ids,
    (list) => `SELECT article_id, version, guid FROM articles WHERE article_id IN (${list})${lock}`,
  );
  return {
    versions: new Map(rows.map((row) => [row.article_id, Number(row.version)])),
    guids: new Map(rows.map((row) => [row.article_id, row.guid])),
  };
}

/**
 * The (story, version) pairs of the batch that `article_versions` holds already, each with its
 * stored document: such a version is a duplicate even when older than the current one, or a
 * conflict when its content differs. Reads a superset of keys (any of the batch's versions of any
 * of its stories, through the primary key), then the documents of the exact pairs only: a version
 * seen again is rare (a CMS retrying with a new event id), so most batches read no document.
 */
async function knownVersions(
  tx: SqlExecutor,
  ours: readonly IncomingVersion[],
): Promise<Map<string, string>> {
  const known = new Map<string, string>();
  if (ours.length === 0) return known;
  const wanted = new Set(ours.map(({ article }) => versionKey(article.id, article.version)));
  const versions = distinct(ours.map((incoming) => incoming.article.version));
  const rows = await queryIn<{ article_id: string; version: number }>(
    tx,
    distinct(ours.map((incoming) => incoming.article.id)),
    (list) =>
      `SELECT article_id, version FROM article_versions
       WHERE version IN (${placeholders(versions.length, 1)}) AND article_id IN (${list})`,
    versions,
  );
  const pairs = rows
    .map((row) => [row.article_id, Number(row.version)] as const)
    .filter(([id, version]) => wanted.has(versionKey(id, version)));
  // The documents of the exact pairs, a chunk of pairs per statement (50: 100 parameters).
  for (const chunk of chunks(pairs, 50)) {
    const where = chunk
      .map((_, i) => `(article_id = $${2 * i + 1} AND version = $${2 * i + 2})`)
      .join(' OR ');
    const stored = await tx.query<{ article_id: string; version: number; document: string }>(
      `SELECT article_id, version, document FROM article_versions WHERE ${where}`,
      chunk.flat(),
    );
    for (const row of stored)
      known.set(versionKey(row.article_id, Number(row.version)), row.document);
  }
  return known;
}

/**
 * The outcome of each version, replaying the batch in order over what the database holds, exactly
 * as storing them one by one would: an event id seen before (in the database or earlier in the
 * batch) is a duplicate event; a version already kept is a duplicate version when its content is
 * the same and a conflicting one when it is not; an older one is kept as stale; a newer one
 * becomes current for the rest of the batch.
 */
function decide(
  batch: readonly IncomingVersion[],
  claimed: ReadonlySet<string>,
  current: Map<string, number>,
  known: Map<string, string>,
): StoreOutcome[] {
  const seen = new Set<string>();
  return batch.map((incoming) => {
    const { eventId, article } = incoming;
    if (seen.has(eventId) || !claimed.has(eventId)) return 'duplicate-event';
    seen.add(eventId);
    const now = current.get(article.id);
    const key = versionKey(article.id, article.version);
    const document = incoming.document ?? JSON.stringify(article);
    const stored = known.get(key);
    if (stored !== undefined) {
      return stored === document ? 'duplicate-version' : 'conflicting-version';
    }
    known.set(key, document);
    if (now !== undefined && article.version < now) return 'stale';
    current.set(article.id, article.version);
    return 'accepted';
  });
}

function versionKey(articleId: string, version: number): string {
  return JSON.stringify([articleId, version]);
}

function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
