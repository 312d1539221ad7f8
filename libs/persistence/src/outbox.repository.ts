import type { OutboxMessage } from './article-store';
import type { SqlDatabase } from './sql-database';

export interface PendingOutboxMessage extends OutboxMessage {
  readonly id: number;
}

/**
 * Relays committed outbox rows to Kafka. One relay at a time across processes (PostgreSQL advisory
 * lock, SQLite's write lock), oldest first, so messages of one story keep their order.
 */
export class OutboxRepository {
  constructor(private readonly db: SqlDatabase) {}

  /**
   * Claims up to `limit` unpublished messages, hands them to `publish`, and deletes them in the
   * same transaction. If publish throws, nothing is marked and they are sent again later:
   * at least once, with the same ids, never lost.
   */
  relay(
    limit: number,
    publish: (messages: readonly PendingOutboxMessage[]) => Promise<void>,
  ): Promise<number> {
    return this.db.transaction(async (tx) => {
      if (tx.kind === 'postgres') {
        // Another process is relaying; it will get to these rows.
        const [lock] = await tx.query<{ locked: boolean }>(
          'SELECT pg_try_advisory_xact_lock(4242002) AS locked',
        );
        if (!lock?.locked) return 0;
      }
      const rows = await tx.query<OutboxRow>(
        `SELECT o.id, o.topic, o.message_key, o.message_value, o.headers, o.document_at, v.document
         FROM outbox o
         LEFT JOIN article_versions v ON v.article_id = o.article_id AND v.version = o.version
         WHERE o.published_at IS NULL ORDER BY o.id LIMIT $1`,
        [limit],
      );
      if (rows.length === 0) return 0;
      await publish(rows.map(pendingOf));
      // Sent: the row goes (the outbox is a conveyor; article_versions keeps the record). By exact
      // ids: a row with a lower id may commit after this read (ids are handed out at insert, not
      // at commit) and must not be dropped unsent.
      const ids = rows.map((r) => Number(r.id));
      const placeholders = ids.map((_, i) => `$${i + 1}`).join(', ');
      await tx.execute(`DELETE FROM outbox WHERE id IN (${placeholders})`, ids);
      return rows.length;
    });
  }

  async backlog(): Promise<number> {
    const [row] = await this.db.query<{ n: number | string }>(
      'SELECT COUNT(*) AS n FROM outbox WHERE published_at IS NULL',
    );
    return Number(row?.n ?? 0);
  }
}

interface OutboxRow {
  id: number | string;
  topic: string;
  message_key: string;
  message_value: string;
  headers: string;
  document_at: number | string | null;
  document: string | null;
}

/** The message as it was announced: a stored document spliced back in where it was left out. */
function pendingOf(row: OutboxRow): PendingOutboxMessage {
  let value = row.message_value;
  if (row.document_at !== null) {
    if (row.document === null) {
      throw new Error(`outbox message ${row.id} refers to a version that is not stored`);
    }
    const at = Number(row.document_at);
    value = value.slice(0, at) + row.document + value.slice(at);
  }
  return {
    id: Number(row.id),
    topic: row.topic,
    key: row.message_key,
    value,
    headers: JSON.parse(row.headers) as Record<string, string>,
  };
}
