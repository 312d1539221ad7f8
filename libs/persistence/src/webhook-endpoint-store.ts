import { DeliveryQueue } from './delivery-queue';
import type { Partner } from '@depeche/contracts';
import { partnerOf } from './partner-rows';
import type { SqlDatabase } from './sql-database';
import {
  WEBHOOK_COLUMNS,
  webhookEndpointOf,
  type WebhookEndpoint,
  type WebhookEndpointRow,
  type WebhookFormat,
  type WebhookStatus,
} from './webhook-endpoint';

export interface NewWebhookEndpoint {
  /** Chosen by the caller: the secret's ciphertext is bound to it. */
  readonly id: string;
  readonly partnerId: string;
  readonly url: string;
  readonly format: WebhookFormat;
  readonly secret: string;
}

export interface WebhookEndpointChanges {
  readonly url?: string;
  readonly format?: WebhookFormat;
}

/** An active endpoint of an active partner, with what the partner is entitled to. */
export interface WebhookTarget {
  readonly endpoint: WebhookEndpoint;
  readonly partner: Partner;
}

/** Partners' webhook endpoints, the same on PostgreSQL and SQLite. */
export class WebhookEndpointStore {
  constructor(
    private readonly db: SqlDatabase,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async create(input: NewWebhookEndpoint): Promise<WebhookEndpoint> {
    const now = this.clock().toISOString();
    await this.db.execute(
      `INSERT INTO webhook_endpoints (id, partner_id, url, format, status, secret, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 'active', $5, $6, $6)`,
      [input.id, input.partnerId, input.url, input.format, input.secret, now],
    );
    return this.require(input.id);
  }

  async get(id: string): Promise<WebhookEndpoint | undefined> {
    const [row] = await this.db.query<WebhookEndpointRow>(
      `SELECT ${WEBHOOK_COLUMNS} FROM webhook_endpoints WHERE id = $1`,
      [id],
    );
    return row ? webhookEndpointOf(row) : undefined;
  }

  async listByPartner(partnerId: string): Promise<WebhookEndpoint[]> {
    const rows = await this.db.query<WebhookEndpointRow>(
      `SELECT ${WEBHOOK_COLUMNS} FROM webhook_endpoints WHERE partner_id = $1 ORDER BY created_at, id`,
      [partnerId],
    );
    return rows.map(webhookEndpointOf);
  }

  /** What the fan-out reads per batch: active endpoints of active partners. */
  async activeTargets(): Promise<WebhookTarget[]> {
    const rows = await this.db.query<
      WebhookEndpointRow & { p_name: string; p_status: string; p_entitlement: string }
    >(
      `SELECT ${WEBHOOK_COLUMNS.split(', ')
        .map((c) => `w.${c}`)
        .join(', ')}, p.name AS p_name, p.status AS p_status, p.entitlement AS p_entitlement
       FROM webhook_endpoints w JOIN partners p ON p.id = w.partner_id
       WHERE w.status = 'active' AND p.status = 'active'`,
    );
    return rows.map((row) => ({
      endpoint: webhookEndpointOf(row),
      partner: partnerOf({
        id: row.partner_id,
        name: row.p_name,
        status: row.p_status,
        entitlement: row.p_entitlement,
      }),
    }));
  }

  async update(id: string, changes: WebhookEndpointChanges): Promise<WebhookEndpoint | undefined> {
    const current = await this.get(id);
    if (!current) return undefined;
    await this.db.execute(
      'UPDATE webhook_endpoints SET url = $1, format = $2, updated_at = $3 WHERE id = $4',
      [changes.url ?? current.url, changes.format ?? current.format, this.now(), id],
    );
    return this.get(id);
  }

  /** 410 Gone disables an endpoint with the reason; an admin enables it again. */
  async setStatus(
    id: string,
    status: WebhookStatus,
    reason?: string,
  ): Promise<WebhookEndpoint | undefined> {
    await this.db.execute(
      'UPDATE webhook_endpoints SET status = $1, disabled_reason = $2, updated_at = $3 WHERE id = $4',
      [
        status,
        status === 'disabled' ? (reason ?? 'disabled by an operator') : null,
        this.now(),
        id,
      ],
    );
    return this.get(id);
  }

  /**
   * The new secret signs from now on; the previous one signs too until `previousUntil`. Only if
   * `previousSecret` is still the current one (compare and set): of two rotations at once, the
   * second finds the secret changed and gets undefined, instead of dropping the first one's.
   */
  async rotateSecret(
    id: string,
    secret: string,
    previousSecret: string,
    previousUntil: Date,
  ): Promise<WebhookEndpoint | undefined> {
    const rotated = await this.db.execute(
      `UPDATE webhook_endpoints SET secret = $1, previous_secret = $2, previous_secret_until = $3,
         updated_at = $4 WHERE id = $5 AND secret = $2`,
      [secret, previousSecret, previousUntil.toISOString(), this.now(), id],
    );
    return rotated === 1 ? this.get(id) : undefined;
  }

  /** Removes the endpoint; what was still queued for it is dead-lettered, not left pending. */
  async remove(id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const removed = await tx.execute('DELETE FROM webhook_endpoints WHERE id = $1', [id]);
      if (removed > 0) {
        await DeliveryQueue.abandonTarget(tx, id, 'the endpoint was removed', this.clock());
      }
      return removed > 0;
    });
  }

  private async require(id: string): Promise<WebhookEndpoint> {
    const endpoint = await this.get(id);
    if (!endpoint) throw new Error(`webhook endpoint ${id} vanished`);
    return endpoint;
  }

  private now(): string {
    return this.clock().toISOString();
  }
}
