import {
  DELIVERY_COLUMNS,
  deliveryOf,
  type Delivery,
  type DeliveryRow,
  type DeliveryStatus,
  type NewDelivery,
} from './delivery';
import { chunks, insertRows, placeholders as rowPlaceholders } from './sql-batch';
import type { SqlDatabase, SqlExecutor, SqlValue } from './sql-database';

const ENQUEUE_COLUMNS = [
  'id',
  'kind',
  'target_id',
  'article_id',
  'guid',
  'version',
  'change',
  'format',
  'level',
  'embargoed',
  'status',
  'not_before',
  'due_at',
  'attempts',
  'stored_at',
  'created_at',
] as const;

export interface ClaimRequest {
  /** This worker's id: only the lease holder may record an outcome. */
  readonly owner: string;
  readonly now: Date;
  readonly leaseMs: number;
  /** At most this many rows in all. */
  readonly limit: number;
  /** At most this many rows of one target per claim (its concurrency bound). */
  readonly perTarget: number;
  /** Targets this worker will not take now: circuit open, or every slot busy. */
  readonly excludeTargets: readonly string[];
  /**
   * Targets with fewer free slots than `perTarget` here, and how many: a claim takes no more than
   * the worker can start, so it never has to give rows back.
   */
  readonly targetLimits?: ReadonlyMap<string, number>;
}

export interface DeliveryFilter {
  readonly status?: DeliveryStatus;
  readonly targetId?: string;
  readonly limit?: number;
}

/**
 * The durable delivery queue (issue 6). Enqueueing is idempotent per (target, guid, version); a
 * claim is a lease, so a worker killed mid-flight loses nothing: its rows are taken over once the
 * lease passes. Order per story and target: a version is never claimed while an older version
 * for the same target is pending or in flight (v2 waits for v1's final outcome).
 */
/** The newest delivery of a story to a target (DeliveryQueue.storyHistory). */
export interface NewestDelivery {
  readonly targetId: string;
  readonly articleId: string;
  readonly version: number;
}

export class DeliveryQueue {
  constructor(private readonly db: SqlDatabase) {}

  /**
   * Inserts what is not there yet (in the caller's transaction); returns how many were new. One
   * statement per 200 rows: a story fanned out to fifty partners is one round trip, not fifty.
   */
  static async enqueue(
    tx: SqlExecutor,
    deliveries: readonly NewDelivery[],
    now: Date,
  ): Promise<number> {
    const createdAt = now.toISOString();
    return insertRows(
      tx,
      'deliveries',
      ENQUEUE_COLUMNS,
      deliveries.map((d) => enqueueRow(d, 'pending', 0, createdAt)),
      'ON CONFLICT (article_id, target_id, version) DO NOTHING',
    );
  }

  /**
   * The open deliveries of a target being removed, dead-lettered with `reason` (in the caller's
   * transaction): claims only look at existing targets, and operators still see what never went.
   */
  static async abandonTarget(
    tx: SqlExecutor,
    targetId: string,
    reason: string,
    now: Date,
  ): Promise<number> {
    return tx.execute(
      `UPDATE deliveries SET status = 'dead', lease_owner = NULL, lease_until = NULL,
         last_error = $2, finished_at = $3
       WHERE target_id = $1 AND status IN ('pending', 'in_flight')`,
      [targetId, reason, now.toISOString()],
    );
  }

  /**
   * For the stories of a batch, the `target|article` pairs that have a delivery (`delivered`: a
   * withdrawal goes where the story went), those with one still open, pending or in flight
   * (`open`: a newer version for that target must wait its turn, so the fan-out does not claim it),
   * and those whose newest delivery is a withdrawal or a revocation (`ended`: the target holds
   * nothing of the story, so a story leaving its view needs no revocation), and for each pair the
   * newest delivery itself (`newest`: what the target was last given, by target, story and version).
   */
  static async storyHistory(
    tx: SqlExecutor,
    articleIds: readonly string[],
  ): Promise<{
    delivered: Set<string>;
    open: Set<string>;
    ended: Set<string>;
    newest: Map<string, NewestDelivery>;
  }> {
    const delivered = new Set<string>();
    const open = new Set<string>();
    const ended = new Set<string>();
    const newest = new Map<string, NewestDelivery>();
    for (const chunk of chunks(articleIds)) {
      // One row per pair, with the change of its newest version: a live blog's hundreds of
      // versions to dozens of targets stay in the database.
      const rows = await tx.query<{
        target_id: string;
        article_id: string;
        change: string;
        open: number | string;
        newest: number | string;
      }>(
        `SELECT d.target_id, d.article_id, d.change, m.open, m.newest FROM deliveries d
         JOIN (SELECT target_id, article_id, MAX(version) AS newest,
                 MAX(CASE WHEN status IN ('pending', 'in_flight') THEN 1 ELSE 0 END) AS open
               FROM deliveries WHERE article_id IN (${placeholders(1, chunk.length)})
               GROUP BY target_id, article_id) m
           ON d.target_id = m.target_id AND d.article_id = m.article_id AND d.version = m.newest`,
        chunk,
      );
      for (const row of rows) {
        const pair = `${row.target_id}|${row.article_id}`;
        delivered.add(pair);
        newest.set(pair, {
          targetId: row.target_id,
          articleId: row.article_id,
          version: Number(row.newest),
        });
        if (Number(row.open) > 0) open.add(pair);
        if (row.change === 'withdrawn' || row.change === 'revoked') ended.add(pair);
      }
    }
    return { delivered, open, ended, newest };
  }

  /**
   * First in the fan-out's transaction (PostgreSQL): the lock its inserts take anyway, taken before
   * it looks at the queue again (openPairs), so that a redelivery, which waits for it (SHARE ROW
   * EXCLUSIVE), ends before that look or begins after the commit, never in between. SQLite's
   * transactions write one at a time already.
   */
  static async holdOffRedelivery(tx: SqlExecutor): Promise<void> {
    if (tx.kind === 'postgres') await tx.execute('LOCK TABLE deliveries IN ROW EXCLUSIVE MODE');
  }

  /**
   * Of the (target, story) pairs of `deliveries`, those with a version pending or in flight now, as
   * `target|article`: storyHistory's `open`, read again inside the fan-out's transaction.
   */
  static async openPairs(
    tx: SqlExecutor,
    deliveries: readonly Pick<NewDelivery, 'targetId' | 'articleId'>[],
  ): Promise<Set<string>> {
    const wanted = new Set(deliveries.map((d) => `${d.targetId}|${d.articleId}`));
    const open = new Set<string>();
    for (const chunk of chunks([...new Set(deliveries.map((d) => d.articleId))])) {
      const rows = await tx.query<{ target_id: string; article_id: string }>(
        `SELECT DISTINCT target_id, article_id FROM deliveries
         WHERE article_id IN (${placeholders(1, chunk.length)}) AND status IN ('pending', 'in_flight')`,
        chunk,
      );
      for (const row of rows) {
        const pair = `${row.target_id}|${row.article_id}`;
        if (wanted.has(pair)) open.add(pair);
      }
    }
    return open;
  }

  /**
   * Inserts deliveries already claimed by `owner` (in the caller's transaction), for the fan-out
   * to send at once without a claim round trip. Only rows that were not there yet come back: a
   * repeat of the item (at least once) claims nothing, so nothing is sent twice by this path.
   */
  static async enqueueClaimed(
    tx: SqlExecutor,
    deliveries: readonly NewDelivery[],
    now: Date,
    owner: string,
    leaseMs: number,
  ): Promise<Delivery[]> {
    const createdAt = now.toISOString();
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
    const columns = [...ENQUEUE_COLUMNS, 'lease_owner', 'lease_until'];
    const claimed: Delivery[] = [];
    for (const chunk of chunks(deliveries)) {
      const rows = await tx.query<DeliveryRow>(
        `INSERT INTO deliveries (${columns.join(', ')})
         VALUES ${rowPlaceholders(chunk.length, columns.length)}
         ON CONFLICT (article_id, target_id, version) DO NOTHING
         RETURNING ${DELIVERY_COLUMNS}`,
        chunk.flatMap((d) => [...enqueueRow(d, 'in_flight', 1, createdAt), owner, leaseUntil]),
      );
      claimed.push(...rows.map(deliveryOf));
    }
    return claimed;
  }

  /**
   * Takes due rows under a lease. PostgreSQL: FOR UPDATE SKIP LOCKED, so concurrent workers never
   * take the same row and never wait on each other. SQLite has one writer at a time (the caller's
   * transaction is BEGIN IMMEDIATE), which serialises claims the same way.
   */
  async claim(request: ClaimRequest): Promise<Delivery[]> {
    const now = request.now.toISOString();
    const leaseUntil = new Date(request.now.getTime() + request.leaseMs).toISOString();
    const params: SqlValue[] = [
      request.owner,
      leaseUntil,
      now,
      request.perTarget,
      request.limit,
      ...request.excludeTargets,
    ];
    const limits = [...(request.targetLimits ?? [])];
    const allowed = (column: string): string => {
      if (limits.length === 0) return 'CAST($4 AS INTEGER)';
      const cases = limits.map(([target, limit]) => {
        params.push(target, limit);
        return `WHEN $${params.length - 1} THEN CAST($${params.length} AS INTEGER)`;
      });
      return `CASE ${column} ${cases.join(' ')} ELSE CAST($4 AS INTEGER) END`;
    };
    const excluded = (column: string): string =>
      request.excludeTargets.length === 0
        ? ''
        : `AND ${column} NOT IN (${placeholders(6, request.excludeTargets.length)})`;
    // Order per story: a version is claimable only while no older one for the target is open.
    const inOrder = `(SELECT MIN(e.version) FROM deliveries e
           WHERE e.target_id = c.target_id AND e.article_id = c.article_id
             AND e.status IN ('pending', 'in_flight')) = c.version`;
    const sql =
      this.db.kind === 'postgres'
        ? claimPerTarget(allowed('t.id'), excluded('t.id'), inOrder)
        : claimInDueOrder(allowed('c.target_id'), excluded('c.target_id'), inOrder);
    const rows = await this.db.query<DeliveryRow>(
      `${sql}
       UPDATE deliveries SET status = 'in_flight', lease_owner = $1, lease_until = $2,
         attempts = attempts + 1
       WHERE id IN (SELECT id FROM picked)
       RETURNING ${DELIVERY_COLUMNS}`,
      params,
    );
    return rows.map(deliveryOf).sort((a, b) => a.notBefore.localeCompare(b.notBefore));
  }

  /** Gives a claimed row back untouched (this worker had no free slot for it after all). */
  async release(id: string, owner: string): Promise<boolean> {
    return this.finish(
      id,
      owner,
      `status = 'pending', lease_owner = NULL, lease_until = NULL, attempts = attempts - 1`,
      [],
    );
  }

  async markDelivered(id: string, owner: string, now: Date, status: number): Promise<boolean> {
    return this.finish(
      id,
      owner,
      `status = 'delivered', lease_until = NULL, last_status = $3, last_error = NULL,
       finished_at = $4, finished_by = $5`,
      [status, now.toISOString(), owner],
    );
  }

  async reschedule(
    id: string,
    owner: string,
    notBefore: Date,
    error: string,
    status: number | null,
  ): Promise<boolean> {
    return this.finish(
      id,
      owner,
      `status = 'pending', lease_owner = NULL, lease_until = NULL, not_before = $3, last_error = $4,
       last_status = $5`,
      [notBefore.toISOString(), error, status],
    );
  }

  /** Many deliveries of one worker delivered at once: one statement for a burst of successes. */
  async markManyDelivered(
    ids: readonly string[],
    owner: string,
    now: Date,
    status: number,
  ): Promise<number> {
    if (ids.length === 0) return 0;
    return this.db.execute(
      `UPDATE deliveries SET status = 'delivered', lease_until = NULL, last_status = $2,
         last_error = NULL, finished_at = $3, finished_by = $1
       WHERE lease_owner = $1 AND status = 'in_flight' AND id IN (${placeholders(4, ids.length)})`,
      [owner, status, now.toISOString(), ...ids],
    );
  }

  /** A retry the worker chose not to count (the feed it pushes is not updated yet). */
  async postpone(id: string, owner: string, notBefore: Date, reason: string): Promise<boolean> {
    return this.finish(
      id,
      owner,
      `status = 'pending', lease_owner = NULL, lease_until = NULL, not_before = $3, last_error = $4,
       attempts = attempts - 1`,
      [notBefore.toISOString(), reason],
    );
  }

  async deadLetter(
    id: string,
    owner: string,
    now: Date,
    reason: string,
    status: number | null,
  ): Promise<boolean> {
    return this.finish(
      id,
      owner,
      `status = 'dead', lease_until = NULL, last_error = $3, last_status = $4, finished_at = $5,
       finished_by = $6`,
      [reason, status, now.toISOString(), owner],
    );
  }

  /**
   * Dead letters back into the queue, due now, with their attempts and age reset: those whose
   * target is still active and whose story has had no newer version delivered or queued for that
   * target since (REDELIVER). Sending such a version now would put an older text, or a story
   * since withdrawn, after the newer one; the newer one is what the partner needs.
   */
  async redeliver(ids: readonly string[], now: Date): Promise<number> {
    if (ids.length === 0) return 0;
    return this.redeliverWhere(`deliveries.id IN (${placeholders(2, ids.length)})`, [
      now.toISOString(),
      ...ids,
    ]);
  }

  async redeliverTarget(targetId: string, now: Date): Promise<number> {
    return this.redeliverWhere('deliveries.target_id = $2', [now.toISOString(), targetId]);
  }

  /**
   * Every dead delivery to a partner, over its webhooks and its WebSub subscriptions, back into the
   * queue (the operator's "redeliver to a partner" after the partner fixed its receiver).
   */
  async redeliverPartner(partnerId: string, now: Date): Promise<number> {
    return this.redeliverWhere(
      `deliveries.target_id IN (
         SELECT id FROM webhook_endpoints WHERE partner_id = $2
         UNION SELECT id FROM websub_subscriptions WHERE partner_id = $2)`,
      [now.toISOString(), partnerId],
    );
  }

  /**
   * REDELIVER narrowed by `where`. On PostgreSQL it first waits for every transaction writing the
   * queue to end, and keeps new ones out meanwhile (SHARE ROW EXCLUSIVE conflicts with the row
   * locks of INSERT and UPDATE, not with reads): REDELIVER's "no newer version" is a read of other
   * rows, which a fan-out inserting v2 has not committed yet, or a claim of v2 has not. Without the
   * wait, v1 went back to pending beside a v2 that was then sent first, and v1 after it. An
   * operator's action, rare: the queue pauses for one statement. SQLite writes one at a time.
   */
  private redeliverWhere(where: string, params: readonly SqlValue[]): Promise<number> {
    const statement = `${REDELIVER} AND ${where}`;
    if (this.db.kind !== 'postgres') return this.db.execute(statement, params);
    return this.db.transaction(async (tx) => {
      await tx.execute('LOCK TABLE deliveries IN SHARE ROW EXCLUSIVE MODE');
      return tx.execute(statement, params);
    });
  }

  /**
   * The fan-out of newer versions (in the caller's transaction): older versions of the same story
   * for the same target that were never sent and still wait for an embargo to lift are
   * superseded, dead-lettered with the reason. Sent at the lift, they would carry the embargo and
   * the text of their own version: an embargo extended since would be broken, a story withdrawn
   * since would go out in full. The newer version carries the story as it now stands.
   */
  static async supersedeHeld(
    tx: SqlExecutor,
    deliveries: readonly NewDelivery[],
    now: Date,
  ): Promise<number> {
    const newest = new Map<string, NewDelivery>();
    for (const d of deliveries) {
      const pair = `${d.targetId}|${d.articleId}`;
      if ((newest.get(pair)?.version ?? -1) < d.version) newest.set(pair, d);
    }
    let superseded = 0;
    for (const chunk of chunks([...newest.values()], 100)) {
      const pairs = chunk.map(
        (_, i) =>
          `(target_id = $${3 + i * 3} AND article_id = $${4 + i * 3} AND version < $${5 + i * 3})`,
      );
      superseded += await tx.execute(
        `UPDATE deliveries SET status = 'dead', lease_owner = NULL, lease_until = NULL,
           last_error = 'superseded by a newer version of the story before its embargo lifted; never sent',
           finished_at = $1
         WHERE status = 'pending' AND attempts = 0 AND not_before = due_at AND not_before > $2
           AND (${pairs.join(' OR ')})`,
        [
          now.toISOString(),
          now.toISOString(),
          ...chunk.flatMap((d) => [d.targetId, d.articleId, d.version]),
        ],
      );
    }
    return superseded;
  }

  async get(id: string): Promise<Delivery | undefined> {
    const [row] = await this.db.query<DeliveryRow>(
      `SELECT ${DELIVERY_COLUMNS} FROM deliveries WHERE id = $1`,
      [id],
    );
    return row ? deliveryOf(row) : undefined;
  }

  async list(filter: DeliveryFilter = {}): Promise<Delivery[]> {
    const where: string[] = [];
    const params: SqlValue[] = [];
    if (filter.status !== undefined) {
      params.push(filter.status);
      where.push(`status = $${params.length}`);
    }
    if (filter.targetId !== undefined) {
      params.push(filter.targetId);
      where.push(`target_id = $${params.length}`);
    }
    params.push(filter.limit ?? 100);
    const rows = await this.db.query<DeliveryRow>(
      `SELECT ${DELIVERY_COLUMNS} FROM deliveries
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY created_at DESC, id LIMIT $${params.length}`,
      params,
    );
    return rows.map(deliveryOf);
  }

  /** Only the lease holder writes an outcome: a row taken over after its lease passed is not ours. */
  private async finish(
    id: string,
    owner: string,
    assignments: string,
    extra: readonly SqlValue[],
  ): Promise<boolean> {
    const changed = await this.db.execute(
      `UPDATE deliveries SET ${assignments}
       WHERE id = $1 AND lease_owner = $2 AND status = 'in_flight'`,
      [id, owner, ...extra],
    );
    return changed > 0;
  }
}

/**
 * PostgreSQL: for each active target, its first due rows through deliveries_open (target,
 * status, not_before), as many as the worker has slots for it. The cost depends on the number of
 * targets and slots, never on the backlog, and does not rest on the planner's row estimates: a
 * global scan of a queue table that grew a hundred thousand rows since the last ANALYZE was planned
 * as "read all, then sort" and took 0.6 s per claim. `picked` is the `limit` oldest of those,
 * locked with SKIP LOCKED so concurrent workers never take the same row nor wait for each other.
 * A target that was removed has no row here; its open deliveries are dead-lettered at removal.
 */
function claimPerTarget(allowed: string, excluded: string, inOrder: string): string {
  const due = (state: string) => `(SELECT c.id, c.not_before FROM deliveries c
           WHERE c.target_id = t.id AND ${state} AND ${inOrder}
           ORDER BY c.not_before LIMIT t.allowed)`;
  return `WITH targets AS MATERIALIZED (
         SELECT t.id, ${allowed} AS allowed FROM (
           SELECT w.id FROM webhook_endpoints w WHERE w.status = 'active'
           UNION ALL
           SELECT s.id FROM websub_subscriptions s WHERE s.status = 'active'
         ) t
         WHERE t.id NOT IN (${PAUSED_TARGETS}) ${excluded}
       ), due AS MATERIALIZED (
         SELECT u.id FROM targets t CROSS JOIN LATERAL (
           SELECT v.id, v.not_before FROM (
             ${due("c.status = 'in_flight' AND c.lease_until <= $3")}
             UNION ALL
             ${due("c.status = 'pending' AND c.not_before <= $3")}
           ) v
           ORDER BY v.not_before LIMIT t.allowed
         ) u
         WHERE t.allowed > 0
       ), picked AS MATERIALIZED (
         SELECT d.id FROM due JOIN deliveries d ON d.id = due.id
         WHERE (d.status = 'pending' AND d.not_before <= $3)
            OR (d.status = 'in_flight' AND d.lease_until <= $3)
         ORDER BY d.not_before, d.id
         LIMIT $5
         FOR UPDATE OF d SKIP LOCKED
       )`;
}

/**
 * SQLite (one writer at a time, so no row locks): two scans in deliveries_due order that stop after
 * a bounded number of rows, then the per-target bound over them. SQLite's planner walks the index
 * in order for ORDER BY … LIMIT, whatever its statistics say.
 */
function claimInDueOrder(allowed: string, excluded: string, inOrder: string): string {
  const claimable = `${excluded} AND ${inOrder}
      AND c.target_id NOT IN (SELECT w.id FROM webhook_endpoints w WHERE w.status <> 'active')
      AND c.target_id NOT IN (SELECT s.id FROM websub_subscriptions s WHERE s.status <> 'active')
      AND c.target_id NOT IN (${PAUSED_TARGETS})`;
  return `WITH due AS MATERIALIZED (
         SELECT c.id, c.target_id, c.not_before FROM deliveries c
         WHERE c.status = 'pending' AND c.not_before <= $3 ${claimable}
         ORDER BY c.not_before
         LIMIT $5 * 4
       ), lapsed AS MATERIALIZED (
         SELECT c.id, c.target_id, c.not_before FROM deliveries c
         WHERE c.status = 'in_flight' AND c.lease_until <= $3 ${claimable}
         ORDER BY c.not_before
         LIMIT $5
       ), ranked AS MATERIALIZED (
         SELECT c.id, ${allowed} AS allowed,
           ROW_NUMBER() OVER (PARTITION BY c.target_id ORDER BY c.not_before, c.id) AS place
         FROM (SELECT * FROM due UNION ALL SELECT * FROM lapsed) c
       ), picked AS MATERIALIZED (
         SELECT d.id FROM ranked r JOIN deliveries d ON d.id = r.id
         WHERE r.place <= r.allowed
           AND ((d.status = 'pending' AND d.not_before <= $3)
             OR (d.status = 'in_flight' AND d.lease_until <= $3))
         ORDER BY d.not_before, d.id
         LIMIT $5
       )`;
}

/**
 * The targets of suspended partners: nothing is pushed to a partner an operator paused, not even
 * what was queued before (retries, versions held for an embargo). Their rows wait, as a disabled
 * endpoint's do, until the partner is resumed.
 */
const PAUSED_TARGETS = `SELECT pw.id FROM webhook_endpoints pw
    JOIN partners pp ON pp.id = pw.partner_id WHERE pp.status <> 'active'
  UNION SELECT ps.id FROM websub_subscriptions ps
    JOIN partners pp ON pp.id = ps.partner_id WHERE pp.status <> 'active'`;

/**
 * Dead letters back into the queue ($1: now), for the redeliver statements to narrow with `AND`:
 * only where the target is still active (claims never look at others, so the row would wait for
 * ever) and no newer version of the story went, or is going, to that target.
 */
const REDELIVER = `UPDATE deliveries SET status = 'pending', attempts = 0, not_before = $1, due_at = $1,
    lease_owner = NULL, lease_until = NULL, finished_at = NULL, finished_by = NULL
  WHERE deliveries.status = 'dead'
    AND deliveries.target_id IN (
      SELECT id FROM webhook_endpoints WHERE status = 'active'
      UNION SELECT id FROM websub_subscriptions WHERE status = 'active')
    AND NOT EXISTS (
      SELECT 1 FROM deliveries n
      WHERE n.target_id = deliveries.target_id AND n.article_id = deliveries.article_id
        AND n.version > deliveries.version AND n.status IN ('pending', 'in_flight', 'delivered'))`;

/** A new delivery's values in ENQUEUE_COLUMNS order. */
function enqueueRow(
  d: NewDelivery,
  status: DeliveryStatus,
  attempts: number,
  createdAt: string,
): SqlValue[] {
  return [
    d.id,
    d.kind,
    d.targetId,
    d.articleId,
    d.guid,
    d.version,
    d.change,
    d.format,
    d.level,
    d.embargoed,
    status,
    d.notBefore,
    d.notBefore,
    attempts,
    d.storedAt,
    createdAt,
  ];
}

/** `$from, $from+1, …` for an IN list. */
export function placeholders(from: number, count: number): string {
  return Array.from({ length: count }, (_, i) => `$${from + i}`).join(', ');
}
