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
   * Claims up to `limit` unpublished messages, hands them to `publish`, and marks them published
   * in the same transaction. If publish throws, nothing is marked and they are sent again later:
   * at least once, with the same ids, never lost.
   */
  relay(
    limit: number,
    publish: (messages: readonly PendingOutboxMessage[]) => Promise<void>,
    now: () => Date = () => new Date(),
  ): Promise<number> {
    return this.db.transaction(async (tx) => {
      if (tx.kind === 'postgres') {
        // Another process is relaying; it will get to these rows.
        const [lock] = await tx.query<{ locked: boolean }>(
          'SELECT pg_try_advisory_xact_lock(4242002) AS locked',
        );
        if (!lock?.locked) return 0;
      }
      const rows = await tx.query<{
        id: number | string;
        topic: string;
        message_key: string;
        message_value: string;
        headers: string;
      }>(
        'SELECT id, topic, message_key, message_value, headers FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT $1',
        [limit],
      );
      if (rows.length === 0) return 0;
      await publish(
        rows.map((r) => ({
          id: Number(r.id),
          topic: r.topic,
          key: r.message_key,
          value: r.message_value,
          headers: JSON.parse(r.headers) as Record<string, string>,
        })),
      );
      // By exact ids: a row with a lower id may commit after this read (ids are handed out at
      // insert, not at commit) and must not be marked as sent.
      const ids = rows.map((r) => Number(r.id));
      const placeholders = ids.map((_, i) => `$${i + 2}`).join(', ');
      await tx.execute(`UPDATE outbox SET published_at = $1 WHERE id IN (${placeholders})`, [
        now().toISOString(),
        ...ids,
      ]);
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
