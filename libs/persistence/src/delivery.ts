export const DELIVERY_KINDS = ['webhook', 'websub'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

export const DELIVERY_STATUSES = ['pending', 'in_flight', 'delivered', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One change of one story for one target (a webhook endpoint or a WebSub subscription). */
export interface NewDelivery {
  readonly id: string;
  readonly kind: DeliveryKind;
  readonly targetId: string;
  readonly articleId: string;
  readonly guid: string;
  readonly version: number;
  readonly change: string;
  /** Which cached rendition it carries (WebSub: the topic's feed format, fetched at send time). */
  readonly format: string;
  readonly level: string;
  readonly embargoed: boolean;
  /** Not attempted before: now, or when the embargo lifts for a partner who waits for it. */
  readonly notBefore: string;
  /** When syndication.items says the store accepted the change: latency is measured from it. */
  readonly storedAt: string;
}

export interface Delivery extends NewDelivery {
  readonly status: DeliveryStatus;
  readonly attempts: number;
  /** When it first became due: the maximum age counts from here, not from an embargo's start. */
  readonly dueAt: string;
  readonly leaseOwner?: string;
  readonly lastStatus?: number;
  readonly lastError?: string;
  readonly createdAt: string;
  readonly finishedAt?: string;
  readonly finishedBy?: string;
}

export interface DeliveryRow {
  id: string;
  kind: DeliveryKind;
  target_id: string;
  article_id: string;
  guid: string;
  version: number | string;
  change: string;
  format: string;
  level: string;
  embargoed: boolean | number;
  status: DeliveryStatus;
  not_before: string;
  due_at: string;
  attempts: number | string;
  lease_owner: string | null;
  last_status: number | string | null;
  last_error: string | null;
  stored_at: string;
  created_at: string;
  finished_at: string | null;
  finished_by: string | null;
}

export const DELIVERY_COLUMNS =
  'id, kind, target_id, article_id, guid, version, change, format, level, embargoed, status, not_before, due_at, attempts, lease_owner, last_status, last_error, stored_at, created_at, finished_at, finished_by';

export function deliveryOf(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    kind: row.kind,
    targetId: row.target_id,
    articleId: row.article_id,
    guid: row.guid,
    version: Number(row.version),
    change: row.change,
    format: row.format,
    level: row.level,
    // PostgreSQL answers a boolean, SQLite 0 or 1.
    embargoed: Boolean(row.embargoed),
    status: row.status,
    notBefore: row.not_before,
    dueAt: row.due_at,
    attempts: Number(row.attempts),
    ...(row.lease_owner === null ? {} : { leaseOwner: row.lease_owner }),
    ...(row.last_status === null ? {} : { lastStatus: Number(row.last_status) }),
    ...(row.last_error === null ? {} : { lastError: row.last_error }),
    storedAt: row.stored_at,
    createdAt: row.created_at,
    ...(row.finished_at === null ? {} : { finishedAt: row.finished_at }),
    ...(row.finished_by === null ? {} : { finishedBy: row.finished_by }),
  };
}
