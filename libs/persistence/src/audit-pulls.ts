import type { SqlDatabase, SqlValue } from './sql-database';

/** One response a partner received: which articles, in which format, with which ETag. */
export interface PartnerPull {
  readonly partnerId: string;
  /** The articles the response carried; empty for a feed that carried none. */
  readonly articleIds: readonly string[];
  /** `rss`, `atom`, `json`, `newsml`, `ninjs`… */
  readonly format: string;
  readonly etag: string;
  /** The request path, e.g. `/v1/feeds/world.rss`. */
  readonly path: string;
  readonly pulledAt: Date;
}

export interface PullRecord {
  readonly partnerId: string;
  readonly format: string;
  readonly etag: string;
  readonly path: string;
  readonly pulledAt: string;
}

export interface PullRecorderOptions {
  /** Write at least this often while pulls wait. */
  readonly flushMs?: number;
  /** Write at once when this many rows wait. */
  readonly maxRows?: number;
  /** Rows kept when the database is down; newer ones are dropped and counted, never blocking a request. */
  readonly maxPending?: number;
  /**
   * A partner pulling the same representation (path and ETag) again within this time is not
   * recorded again (default 60 s): the trail keeps the first pull of each document and then one a
   * minute while the partner keeps pulling it, instead of fifty rows per request of a client
   * polling an unchanged feed thousands of times a second.
   */
  readonly repeatMs?: number;
  readonly onError?: (error: Error) => void;
}

/** Rows per INSERT: 7 columns × 500 stays under SQLite's 32,766 bound parameters. */
const ROWS_PER_STATEMENT = 500;
/** Representations remembered for repeatMs; the oldest are forgotten first. */
const REMEMBERED = 10_000;

/**
 * Records partner pulls off the request path: `record()` only appends to memory; a timer writes
 * the rows in multi-row INSERTs. A pull is proof of delivery, not a transaction: if the process
 * dies, at most `flushMs` of pulls are lost, which is the price of never slowing a feed response.
 */
export class PullRecorder {
  private pending: SqlValue[][] = [];
  private timer?: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();
  /** When each partner|path|etag was last recorded, oldest first. */
  private readonly recorded = new Map<string, number>();
  dropped = 0;

  constructor(
    private readonly db: SqlDatabase,
    private readonly options: PullRecorderOptions = {},
  ) {}

  record(pull: PartnerPull): void {
    const key = `${pull.partnerId}\n${pull.path}\n${pull.etag}`;
    const time = pull.pulledAt.getTime();
    const last = this.recorded.get(key);
    if (last !== undefined && time - last < (this.options.repeatMs ?? 60_000)) return;
    this.recorded.delete(key);
    this.recorded.set(key, time);
    if (this.recorded.size > REMEMBERED) {
      const oldest = this.recorded.keys().next();
      if (!oldest.done) this.recorded.delete(oldest.value);
    }
    const at = pull.pulledAt.toISOString();
    const ids = pull.articleIds.length > 0 ? pull.articleIds : [null];
    const room = (this.options.maxPending ?? 100_000) - this.pending.length;
    for (const id of ids.slice(0, Math.max(0, room))) {
      this.pending.push([pull.partnerId, id, pull.format, pull.etag, pull.path, at]);
    }
    this.dropped += Math.max(0, ids.length - Math.max(0, room));
    if (this.pending.length >= (this.options.maxRows ?? ROWS_PER_STATEMENT)) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.options.flushMs ?? 1_000);
  }

  /** Writes what waits; resolves when it is written. Call it on shutdown. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.flushing = this.flushing.then(() => this.write());
    return this.flushing;
  }

  private async write(): Promise<void> {
    const rows = this.pending;
    this.pending = [];
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
      const values = chunk
        .map((_, r) => `(${[1, 2, 3, 4, 5, 6].map((c) => `$${r * 6 + c}`).join(', ')})`)
        .join(', ');
      try {
        await this.db.execute(
          `INSERT INTO audit_pulls (partner_id, article_id, format, etag, path, pulled_at) VALUES ${values}`,
          chunk.flat(),
        );
      } catch (error) {
        // Put them back for the next flush (bounded by maxPending).
        this.pending = [...rows.slice(i), ...this.pending].slice(
          0,
          this.options.maxPending ?? 100_000,
        );
        this.options.onError?.(error as Error);
        this.timer ??= setTimeout(() => void this.flush(), this.options.flushMs ?? 1_000);
        return;
      }
    }
  }
}

/** The pulls of one article, newest first. */
export async function pullsOfArticle(
  db: SqlDatabase,
  articleId: string,
  limit = 200,
): Promise<PullRecord[]> {
  const rows = await db.query<{
    partner_id: string;
    format: string;
    etag: string;
    path: string;
    pulled_at: string;
  }>(
    'SELECT partner_id, format, etag, path, pulled_at FROM audit_pulls WHERE article_id = $1 ORDER BY pulled_at DESC, id DESC LIMIT $2',
    [articleId, limit],
  );
  return rows.map((r) => ({
    partnerId: r.partner_id,
    format: r.format,
    etag: r.etag,
    path: r.path,
    pulledAt: r.pulled_at,
  }));
}
