import type { IndexedHeader } from './ops-replay';
import type { SqlDatabase, SqlValue } from './sql-database';

/** Where a dead letter sits on the dead-letter topic: its identity. */
export interface DeadLetterRef {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

/** A dead letter as the ops app indexed it: the original bytes (base64) and why it failed. */
export interface IndexedDeadLetter extends DeadLetterRef {
  /** base64 of the original key, or null when it had none. */
  readonly key: string | null;
  /** base64 of the original value, or null for an empty (tombstone) message. */
  readonly value: string | null;
  /**
   * Header name to base64 of its value (of each, for a header sent more than once), dlq-* headers
   * included, as read from the topic; null for a header sent without a value, replayed so.
   */
  readonly headers: Readonly<Record<string, IndexedHeader>>;
  readonly errorCode: string;
  readonly errorMessage: string;
  readonly sourceTopic: string;
  readonly failedAt: string;
  readonly replayedAt?: string;
  readonly replayedBy?: string;
}

/** Which dead letters to pick; every field narrows, none means all. */
export interface DeadLetterFilter {
  readonly errorCode?: string;
  /** ISO 8601, inclusive. */
  readonly failedFrom?: string;
  /** ISO 8601, exclusive. */
  readonly failedBefore?: string;
  readonly notReplayedOnly?: boolean;
  readonly limit?: number;
}

interface Row {
  dlq_topic: string;
  dlq_partition: number | string;
  dlq_offset: number | string;
  message_key: string | null;
  message_value: string | null;
  headers: string;
  error_code: string;
  error_message: string;
  source_topic: string;
  failed_at: string;
  replayed_at: string | null;
  replayed_by: string | null;
}

const COLUMNS =
  'dlq_topic, dlq_partition, dlq_offset, message_key, message_value, headers, error_code, error_message, source_topic, failed_at, replayed_at, replayed_by';

/** The WHERE conditions of a filter, with `$n` placeholders numbered from 1. */
function conditionsOf(filter: DeadLetterFilter): { where: string[]; params: SqlValue[] } {
  const where: string[] = [];
  const params: SqlValue[] = [];
  const add = (clause: string, value: SqlValue): void => {
    params.push(value);
    where.push(clause.replace('?', `$${params.length}`));
  };
  if (filter.errorCode) add('error_code = ?', filter.errorCode);
  if (filter.failedFrom) add('failed_at >= ?', filter.failedFrom);
  if (filter.failedBefore) add('failed_at < ?', filter.failedBefore);
  if (filter.notReplayedOnly) where.push('replayed_at IS NULL');
  return { where, params };
}

/** The ops app's index of the dead-letter topic, for the dashboard and for replays. */
export class OpsDeadLetterStore {
  constructor(private readonly db: SqlDatabase) {}

  /** Idempotent: a dead letter read twice (the topic is read at least once) is written once. */
  async index(letter: IndexedDeadLetter, now: Date): Promise<void> {
    await this.db.execute(
      `INSERT INTO ops_dead_letters (${COLUMNS.replace(', replayed_at, replayed_by', '')}, indexed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (dlq_topic, dlq_partition, dlq_offset) DO NOTHING`,
      [
        letter.topic,
        letter.partition,
        letter.offset,
        letter.key,
        letter.value,
        JSON.stringify(letter.headers),
        letter.errorCode,
        letter.errorMessage,
        letter.sourceTopic,
        letter.failedAt,
        now.toISOString(),
      ],
    );
  }

  /** Newest first, at most `filter.limit` (10,000 by default): for showing, not for replaying. */
  async find(filter: DeadLetterFilter = {}): Promise<IndexedDeadLetter[]> {
    const { where, params } = conditionsOf(filter);
    params.push(filter.limit ?? 10_000);
    const rows = await this.db.query<Row>(
      `SELECT ${COLUMNS} FROM ops_dead_letters ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY failed_at DESC, dlq_offset DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(letterOf);
  }

  /**
   * One page of the matches, oldest first, strictly after `after` (a letter of the previous page):
   * a replay walks every match page by page, however many there are, in the order they failed.
   */
  async pageOldestFirst(
    filter: DeadLetterFilter,
    after: IndexedDeadLetter | undefined,
    size: number,
  ): Promise<IndexedDeadLetter[]> {
    const { where, params } = conditionsOf(filter);
    if (after !== undefined) {
      params.push(after.failedAt, after.topic, after.partition, Number(after.offset));
      const n = params.length;
      where.push(
        `(failed_at, dlq_topic, dlq_partition, dlq_offset) > ($${n - 3}, $${n - 2}, $${n - 1}, $${n})`,
      );
    }
    params.push(size);
    const rows = await this.db.query<Row>(
      `SELECT ${COLUMNS} FROM ops_dead_letters ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY failed_at, dlq_topic, dlq_partition, dlq_offset LIMIT $${params.length}`,
      params,
    );
    return rows.map(letterOf);
  }

  async get(ref: DeadLetterRef): Promise<IndexedDeadLetter | undefined> {
    const [row] = await this.db.query<Row>(
      `SELECT ${COLUMNS} FROM ops_dead_letters WHERE dlq_topic = $1 AND dlq_partition = $2 AND dlq_offset = $3`,
      [ref.topic, ref.partition, ref.offset],
    );
    return row && letterOf(row);
  }

  async markReplayed(ref: DeadLetterRef, by: string, at: Date): Promise<void> {
    await this.db.execute(
      `UPDATE ops_dead_letters SET replayed_at = $1, replayed_by = $2
       WHERE dlq_topic = $3 AND dlq_partition = $4 AND dlq_offset = $5`,
      [at.toISOString(), by, ref.topic, ref.partition, ref.offset],
    );
  }

  /** Dead letters per error code, for the dashboard. */
  async countByCode(): Promise<{ errorCode: string; count: number }[]> {
    const rows = await this.db.query<{ error_code: string; n: number | string }>(
      'SELECT error_code, COUNT(*) AS n FROM ops_dead_letters GROUP BY error_code ORDER BY error_code',
    );
    return rows.map((r) => ({ errorCode: r.error_code, count: Number(r.n) }));
  }
}

function letterOf(row: Row): IndexedDeadLetter {
  return {
    topic: row.dlq_topic,
    partition: Number(row.dlq_partition),
    offset: String(row.dlq_offset),
    key: row.message_key,
    value: row.message_value,
    headers: JSON.parse(row.headers) as Record<string, IndexedHeader>,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    sourceTopic: row.source_topic,
    failedAt: row.failed_at,
    ...(row.replayed_at ? { replayedAt: row.replayed_at } : {}),
    ...(row.replayed_by ? { replayedBy: row.replayed_by } : {}),
  };
}
