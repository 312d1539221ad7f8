import type { Article } from '@depeche/article';
import { queryIn } from './sql-batch';
import type { SqlDatabase } from './sql-database';

// The change log's NOTIFY channel and its listener, exported with the log (see change-notifications.ts).
export * from './change-notifications';

/**
 * What a row of `article_changes` records. `released` is written by the feed API when an embargo
 * lifts (see change-release.ts): it tells partners who may only see lifted stories that the story
 * is now theirs, although the changes that made it happened while it was embargoed.
 */
export type ChangeKind = Article['change'] | 'released';

/** One accepted change: which version of which story, and when. */
export interface ChangeHead {
  /** The position in the change log: increasing, never reused; the partners' cursor. */
  readonly seq: number;
  readonly articleId: string;
  readonly version: number;
  readonly change: ChangeKind;
  readonly recordedAt: string;
}

/** A change without its time: what cache invalidation needs. */
export type ChangeMark = Omit<ChangeHead, 'recordedAt'>;

/**
 * The change log read in seq order. `MAX(seq)` is one index lookup on both databases, cheap
 * enough to poll every 100 ms from every feed-api process: that is how caches learn of a change
 * made by ingest or by another feed-api process.
 */
export class ChangeLog {
  constructor(private readonly db: SqlDatabase) {}

  async latestSeq(): Promise<number> {
    const [row] = await this.db.query<{ seq: number | string | null }>(
      'SELECT MAX(seq) AS seq FROM article_changes',
    );
    return Number(row?.seq ?? 0);
  }

  /** The position of the change that recorded this version of the story; undefined if none did. */
  async seqOf(articleId: string, version: number): Promise<number | undefined> {
    const [row] = await this.db.query<{ seq: number | string | null }>(
      `SELECT MIN(seq) AS seq FROM article_changes
       WHERE article_id = $1 AND version = $2 AND change <> 'released'`,
      [articleId, version],
    );
    const seq = row?.seq;
    return seq === null || seq === undefined ? undefined : Number(seq);
  }

  /** Changes after `seq`, oldest first, without documents. */
  async marksAfter(seq: number, limit: number): Promise<ChangeMark[]> {
    const rows = await this.db.query<ChangeRow>(
      'SELECT seq, article_id, version, change FROM article_changes WHERE seq > $1 ORDER BY seq LIMIT $2',
      [seq, limit],
    );
    return rows.map(markOf);
  }

  /**
   * Every change of these stories before `seq`, oldest first: what a reader held of each before a
   * change (the change stream tells a partner when a story leaves its view).
   */
  async historyBefore(articleIds: readonly string[], seq: number): Promise<ChangeHead[]> {
    const rows = await queryIn<ChangeRow & { recorded_at: string }>(
      this.db,
      [...new Set(articleIds)],
      (list) =>
        `SELECT seq, article_id, version, change, recorded_at FROM article_changes
         WHERE article_id IN (${list}) AND seq < $1`,
      [seq],
    );
    return rows.map(headOf).sort((a, b) => a.seq - b.seq);
  }

  /**
   * Changes after `seq`, oldest first, with when each was recorded but without its document: the
   * change stream decides visibility from facts it caches per (story, version), which never change,
   * so it reads a version's document at most once (FeedReadModel.versionsOf) instead of per read.
   */
  async headsAfter(seq: number, limit: number): Promise<ChangeHead[]> {
    const rows = await this.db.query<ChangeRow & { recorded_at: string }>(
      'SELECT seq, article_id, version, change, recorded_at FROM article_changes WHERE seq > $1 ORDER BY seq LIMIT $2',
      [seq, limit],
    );
    return rows.map(headOf);
  }
}

interface ChangeRow {
  seq: number | string;
  article_id: string;
  version: number | string;
  change: string;
}

/** A row as a mark: BIGSERIAL and INTEGER come back as strings from pg, as numbers from SQLite. */
function markOf(row: ChangeRow): ChangeMark {
  return {
    seq: Number(row.seq),
    articleId: row.article_id,
    version: Number(row.version),
    change: row.change as ChangeKind,
  };
}

function headOf(row: ChangeRow & { recorded_at: string }): ChangeHead {
  return { ...markOf(row), recordedAt: row.recorded_at };
}
