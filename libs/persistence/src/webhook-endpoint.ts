/** The push formats of a webhook: one document per change (a JSON Feed or Atom feed of one item). */
export const WEBHOOK_FORMATS = ['newsml', 'ninjs', 'json', 'atom'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export const WEBHOOK_STATUSES = ['active', 'disabled'] as const;
export type WebhookStatus = (typeof WEBHOOK_STATUSES)[number];

/**
 * A partner's webhook. `secret` and `previousSecret` are ciphertexts (the distributor's secret box);
 * the store never sees a secret in clear.
 */
export interface WebhookEndpoint {
  readonly id: string;
  readonly partnerId: string;
  readonly url: string;
  readonly format: WebhookFormat;
  readonly status: WebhookStatus;
  readonly disabledReason?: string;
  readonly secret: string;
  readonly previousSecret?: string;
  /** Until then the previous secret signs too (the rotation overlap). */
  readonly previousSecretUntil?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface WebhookEndpointRow {
  id: string;
  partner_id: string;
  url: string;
  format: WebhookFormat;
  status: WebhookStatus;
  disabled_reason: string | null;
  secret: string;
  previous_secret: string | null;
  previous_secret_until: string | null;
  created_at: string;
  updated_at: string;
}

export const WEBHOOK_COLUMNS =
  'id, partner_id, url, format, status, disabled_reason, secret, previous_secret, previous_secret_until, created_at, updated_at';

export function webhookEndpointOf(row: WebhookEndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    partnerId: row.partner_id,
    url: row.url,
    format: row.format,
    status: row.status,
    ...(row.disabled_reason === null ? {} : { disabledReason: row.disabled_reason }),
    secret: row.secret,
    ...(row.previous_secret === null ? {} : { previousSecret: row.previous_secret }),
    ...(row.previous_secret_until === null
      ? {}
      : { previousSecretUntil: row.previous_secret_until }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
