import {
  DELIVERY_COLUMNS,
  deliveryOf,
  type Delivery,
  type DeliveryRow,
  type DeliveryStatus,
  type NewDelivery,
} from './delivery';
import type { SqlExecutor, SqlValue } from './sql-database';

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
export class DeliveryQueue {
  constructor(private readonly db: SqlExecutor) {}

  /** Inserts what is not there yet (in the caller's transaction); returns how many were new. */
  static async enqueue(
    tx: SqlExecutor,
    deliveries: readonly NewDelivery[],
    now: Date,
  ): Promise<number> {
    let added = 0;
    const createdAt = now.toISOString();
    for (const d of deliveries) {
      added += await tx.execute(
        `INSERT INTO deliveries (id, kind, target_id, article_id, guid, version, change, format, level,
           embargoed, status, not_before, due_at, attempts, stored_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'pending', $11, $11, 0, $12, $13)
         ON CONFLICT (target_id, guid, version) DO NOTHING`,
        [
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
          d.notBefore,
          d.storedAt,
          createdAt,
        ],
      );
    }
    return added;
  }

  /** `target|article` pairs that already have a delivery: a withdrawal goes where the story went. */
  static async deliveredPairs(
    tx: SqlExecutor,
    articleIds: readonly string[],
  ): Promise<Set<string>> {
    if (articleIds.length === 0) return new Set();
    const rows = await tx.query<{ target_id: string; article_id: string }>(
      `SELECT DISTINCT target_id, article_id FROM deliveries
       WHERE article_id IN (${placeholders(1, articleIds.length)})`,
      articleIds,
    );
    return new Set(rows.map((r) => `${r.target_id}|${r.article_id}`));
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
    const excluded =
      request.excludeTargets.length === 0
        ? ''
        : `AND c.target_id NOT IN (${placeholders(6, request.excludeTargets.length)})`;
    const lock = this.db.kind === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
    // Not claimable: an older version of the story for the target still open (order per story),
    // a disabled endpoint, an ended subscription, a target this worker cannot take now.
    const claimable = `${excluded}
      AND NOT EXISTS (
        SELECT 1 FROM deliveries e
        WHERE e.target_id = c.target_id AND e.article_id = c.article_id
          AND e.version < c.version AND e.status IN ('pending', 'in_flight'))
      AND NOT EXISTS (
        SELECT 1 FROM webhook_endpoints w WHERE w.id = c.target_id AND w.status <> 'active')
      AND NOT EXISTS (
        SELECT 1 FROM websub_subscriptions s WHERE s.id = c.target_id AND s.status <> 'active')`;
    const rows = await this.db.query<DeliveryRow>(
      `UPDATE deliveries SET status = 'in_flight', lease_owner = $1, lease_until = $2,
         attempts = attempts + 1
       WHERE id IN (
         SELECT d.id FROM deliveries d
         WHERE d.id IN (
           SELECT ranked.id FROM (
             SELECT c.id, ROW_NUMBER() OVER (PARTITION BY c.target_id ORDER BY c.not_before, c.id) AS place
             FROM (
               -- Two scans in index order (deliveries_due = status, not_before), each stopping
               -- after a bounded number of rows: a claim costs about the same with ten rows
               -- queued or a million, where one OR over both states would sort the whole backlog.
               SELECT * FROM (
                 SELECT c.id, c.target_id, c.not_before FROM deliveries c
                 WHERE c.status = 'pending' AND c.not_before <= $3 ${claimable}
                 ORDER BY c.not_before
                 LIMIT $5 * 4
               ) due
               UNION ALL
               SELECT * FROM (
                 SELECT c.id, c.target_id, c.not_before FROM deliveries c
                 WHERE c.status = 'in_flight' AND c.lease_until <= $3 ${claimable}
                 ORDER BY c.not_before
                 LIMIT $5
               ) lapsed
             ) c
           ) ranked
           WHERE ranked.place <= $4
         )
         AND ((d.status = 'pending' AND d.not_before <= $3)
           OR (d.status = 'in_flight' AND d.lease_until <= $3))
         ORDER BY d.not_before, d.id
         LIMIT $5
         ${lock}
       )
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

  /** Dead letters back into the queue, due now, with their attempts and age reset. */
  async redeliver(ids: readonly string[], now: Date): Promise<number> {
    if (ids.length === 0) return 0;
    const at = now.toISOString();
    return this.db.execute(
      `UPDATE deliveries SET status = 'pending', attempts = 0, not_before = $1, due_at = $1,
         lease_owner = NULL, lease_until = NULL, finished_at = NULL, finished_by = NULL
       WHERE status = 'dead' AND id IN (${placeholders(2, ids.length)})`,
      [at, ...ids],
    );
  }

  async redeliverTarget(targetId: string, now: Date): Promise<number> {
    const at = now.toISOString();
    return this.db.execute(
      `UPDATE deliveries SET status = 'pending', attempts = 0, not_before = $1, due_at = $1,
         lease_owner = NULL, lease_until = NULL, finished_at = NULL, finished_by = NULL
       WHERE status = 'dead' AND target_id = $2`,
      [at, targetId],
    );
  }

  /**
   * Every dead delivery to a partner, over its webhooks and its WebSub subscriptions, back into the
   * queue (the operator's "redeliver to a partner" after the partner fixed its receiver).
   */
  async redeliverPartner(partnerId: string, now: Date): Promise<number> {
    const at = now.toISOString();
    return this.db.execute(
      `UPDATE deliveries SET status = 'pending', attempts = 0, not_before = $1, due_at = $1,
         lease_owner = NULL, lease_until = NULL, finished_at = NULL, finished_by = NULL
       WHERE status = 'dead' AND target_id IN (
         SELECT id FROM webhook_endpoints WHERE partner_id = $2
         UNION SELECT id FROM websub_subscriptions WHERE partner_id = $2)`,
      [at, partnerId],
    );
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

/** `$from, $from+1, …` for an IN list. */
export function placeholders(from: number, count: number): string {
  return Array.from({ length: count }, (_, i) => `$${from + i}`).join(', ');
}
