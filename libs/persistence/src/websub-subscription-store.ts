import { DeliveryQueue } from './delivery-queue';
import type { SqlDatabase } from './sql-database';
import {
  WEBSUB_COLUMNS,
  websubSubscriptionOf,
  type WebsubSubscription,
  type WebsubSubscriptionRow,
} from './websub-subscription';

export interface VerifiedSubscription {
  readonly id: string;
  readonly topic: string;
  readonly callback: string;
  readonly partnerId?: string;
  readonly channelSlug: string;
  readonly format: string;
  readonly secret?: string;
  readonly apiKey?: string;
  readonly leaseSeconds: number;
}

/** WebSub subscriptions whose intent was verified, the same on PostgreSQL and SQLite. */
export class WebsubSubscriptionStore {
  constructor(private readonly db: SqlDatabase) {}

  /**
   * Creates the subscription, or renews it (WebSub §5.1: a subscribe for an existing (topic,
   * callback) replaces its lease and secret). The id stays, so queued deliveries keep their target.
   * Only its own subscriber renews it (the same partner, or the public for a public feed): a
   * (topic, callback) another subscriber holds is left as it is, and undefined comes back. A topic
   * URL names a channel, not a partner, so anyone else could otherwise take a partner's
   * subscription over by naming its callback.
   */
  async upsert(input: VerifiedSubscription, now: Date): Promise<WebsubSubscription | undefined> {
    const at = now.toISOString();
    const expiresAt = new Date(now.getTime() + input.leaseSeconds * 1000).toISOString();
    const subscriber = input.partnerId ?? '';
    return this.db.transaction(async (tx) => {
      const values = [
        input.partnerId ?? null,
        input.channelSlug,
        input.format,
        input.secret ?? null,
        input.apiKey ?? null,
        input.leaseSeconds,
        expiresAt,
        at,
      ];
      const updated = await tx.execute(
        `UPDATE websub_subscriptions SET channel_slug = $2, format = $3, secret = $4,
           api_key = $5, status = 'active', lease_seconds = $6, expires_at = $7, updated_at = $8
         WHERE topic = $9 AND callback = $10 AND COALESCE(partner_id, '') = COALESCE($1, '')`,
        [...values, input.topic, input.callback],
      );
      if (updated === 0) {
        await tx.execute(
          `INSERT INTO websub_subscriptions (partner_id, channel_slug, format, secret, api_key, status,
             lease_seconds, expires_at, created_at, updated_at, id, topic, callback)
           VALUES ($1, $2, $3, $4, $5, 'active', $6, $7, $8, $8, $9, $10, $11)
           ON CONFLICT (topic, callback) DO NOTHING`,
          [...values, input.id, input.topic, input.callback],
        );
      }
      const [row] = await tx.query<WebsubSubscriptionRow>(
        `SELECT ${WEBSUB_COLUMNS} FROM websub_subscriptions
         WHERE topic = $1 AND callback = $2 AND COALESCE(partner_id, '') = $3`,
        [input.topic, input.callback, subscriber],
      );
      return row && websubSubscriptionOf(row);
    });
  }

  /**
   * Unsubscribes `subscriber`'s subscription (a partner id, '' for the public); what was still
   * queued for it is dead-lettered, not left pending. Another subscriber's is left as it is.
   */
  async remove(
    topic: string,
    callback: string,
    subscriber: string,
    now = new Date(),
  ): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ id: string }>(
        `DELETE FROM websub_subscriptions
         WHERE topic = $1 AND callback = $2 AND COALESCE(partner_id, '') = $3 RETURNING id`,
        [topic, callback, subscriber],
      );
      if (row) await DeliveryQueue.abandonTarget(tx, row.id, 'the subscriber unsubscribed', now);
      return row !== undefined;
    });
  }

  async get(id: string): Promise<WebsubSubscription | undefined> {
    const [row] = await this.db.query<WebsubSubscriptionRow>(
      `SELECT ${WEBSUB_COLUMNS} FROM websub_subscriptions WHERE id = $1`,
      [id],
    );
    return row ? websubSubscriptionOf(row) : undefined;
  }

  async find(topic: string, callback: string): Promise<WebsubSubscription | undefined> {
    const [row] = await this.db.query<WebsubSubscriptionRow>(
      `SELECT ${WEBSUB_COLUMNS} FROM websub_subscriptions WHERE topic = $1 AND callback = $2`,
      [topic, callback],
    );
    return row ? websubSubscriptionOf(row) : undefined;
  }

  /**
   * Active subscriptions a subscriber holds: a partner's (by id), or the public's to callbacks of
   * one origin (`subscriber` '', `origin` such as `https://aggregator.example`).
   */
  async countHeld(subscriber: string, origin: string): Promise<number> {
    const [row] =
      subscriber === ''
        ? await this.db.query<{ n: number | string }>(
            `SELECT COUNT(*) AS n FROM websub_subscriptions
             WHERE status = 'active' AND partner_id IS NULL
               AND substr(callback, 1, CAST($2 AS INTEGER)) IN ($1, $3)`,
            [`${origin}/`, origin.length + 1, `${origin}?`],
          )
        : await this.db.query<{ n: number | string }>(
            `SELECT COUNT(*) AS n FROM websub_subscriptions
             WHERE status = 'active' AND partner_id = $1`,
            [subscriber],
          );
    return Number(row?.n ?? 0);
  }

  /** Subscriptions whose lease runs at `now`: the fan-out's targets. */
  async active(now: Date): Promise<WebsubSubscription[]> {
    const rows = await this.db.query<WebsubSubscriptionRow>(
      `SELECT ${WEBSUB_COLUMNS} FROM websub_subscriptions WHERE status = 'active' AND expires_at > $1`,
      [now.toISOString()],
    );
    return rows.map(websubSubscriptionOf);
  }

  /** WebSub §5.1: the subscription ends with its lease unless renewed. Returns how many ended. */
  async expire(now: Date): Promise<number> {
    const at = now.toISOString();
    return this.db.execute(
      `UPDATE websub_subscriptions SET status = 'expired', updated_at = $1
       WHERE status = 'active' AND expires_at <= $1`,
      [at],
    );
  }

  async recordEtag(id: string, etag: string): Promise<void> {
    await this.db.execute('UPDATE websub_subscriptions SET last_etag = $1 WHERE id = $2', [
      etag,
      id,
    ]);
  }

  /** 410 Gone from a callback ends the subscription. */
  async end(id: string): Promise<void> {
    await this.db.execute(
      `UPDATE websub_subscriptions SET status = 'expired', updated_at = $1 WHERE id = $2`,
      [new Date().toISOString(), id],
    );
  }
}
