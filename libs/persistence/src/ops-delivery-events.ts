import type { DeliveryEvent } from '@depeche/contracts';
import type { SqlDatabase } from './sql-database';

export interface PartnerDeliveryHealth {
  readonly partnerId: string;
  readonly delivered: number;
  readonly failed: number;
  readonly lastAt: string;
}

interface Row {
  outcome: DeliveryEvent['outcome'];
  partner_id: string;
  article_id: string;
  version: number | string;
  format: string;
  attempt: number | string;
  status_code: number | string | null;
  detail: string;
  correlation_id: string | null;
  at: string;
}

/** Delivery outcomes seen on ops.events, for the audit trail and per-partner health. */
export class OpsDeliveryEventStore {
  constructor(private readonly db: SqlDatabase) {}

  /** Idempotent: ops.events is read at least once, and a report read again is the same report. */
  async record(event: DeliveryEvent): Promise<void> {
    await this.db.execute(
      `INSERT INTO ops_delivery_events
         (outcome, partner_id, article_id, version, format, attempt, status_code, detail, correlation_id, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (partner_id, article_id, version, format, attempt, outcome, at) DO NOTHING`,
      [
        event.outcome,
        event.partnerId,
        event.articleId,
        event.version,
        event.format,
        event.attempt,
        event.statusCode ?? null,
        event.detail,
        event.correlationId ?? null,
        event.at,
      ],
    );
  }

  /** Every attempt for one article, oldest first. */
  async forArticle(articleId: string): Promise<DeliveryEvent[]> {
    const rows = await this.db.query<Row>(
      'SELECT * FROM ops_delivery_events WHERE article_id = $1 ORDER BY at, id',
      [articleId],
    );
    return rows.map((r) => ({
      outcome: r.outcome,
      partnerId: r.partner_id,
      articleId: r.article_id,
      version: Number(r.version),
      format: r.format,
      attempt: Number(r.attempt),
      ...(r.status_code === null ? {} : { statusCode: Number(r.status_code) }),
      detail: r.detail,
      ...(r.correlation_id ? { correlationId: r.correlation_id } : {}),
      at: r.at,
    }));
  }

  /** Outcomes per partner since `since` (ISO 8601). */
  async partnerHealth(since: string): Promise<PartnerDeliveryHealth[]> {
    const rows = await this.db.query<{
      partner_id: string;
      delivered: number | string;
      failed: number | string;
      last_at: string;
    }>(
      `SELECT partner_id,
              SUM(CASE WHEN outcome = 'delivered' THEN 1 ELSE 0 END) AS delivered,
              SUM(CASE WHEN outcome = 'delivered' THEN 0 ELSE 1 END) AS failed,
              MAX(at) AS last_at
       FROM ops_delivery_events WHERE at >= $1 GROUP BY partner_id ORDER BY partner_id`,
      [since],
    );
    return rows.map((r) => ({
      partnerId: r.partner_id,
      delivered: Number(r.delivered),
      failed: Number(r.failed),
      lastAt: r.last_at,
    }));
  }
}

export type { DeliveryEvent };
