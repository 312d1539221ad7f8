import type {
  Delivery,
  DeliveryRenditions,
  StoredRendition,
  WebhookEndpoint,
  WebhookEndpointStore,
} from '@depeche/persistence';
import { renditionKeyString } from '@depeche/persistence';
import type { LookupFunction } from 'node:net';
import type { SecretBox } from '../crypto/secret-box';
import { attempt } from '../net/http-client';
import { signatureHeader } from '../signing/webhook-signature';
import { idempotencyKey } from './idempotency-key';
import type { Sender, SendReport } from './send-report';
import { TtlCache } from './ttl-cache';

export interface WebhookSenderSettings {
  readonly timeoutMs: number;
  readonly lookup: LookupFunction;
}

/** Signs and posts a cached rendition to a partner's endpoint (docs/webhooks.md). */
export class WebhookSender implements Sender {
  /** Endpoints change rarely; a second of staleness saves a query per delivery. */
  private readonly endpoints = new TtlCache<WebhookEndpoint | undefined>(1_000, 10_000);
  private readonly renditions = new TtlCache<StoredRendition | undefined>(60_000, 2_000);

  constructor(
    private readonly endpointStore: WebhookEndpointStore,
    private readonly renditionStore: DeliveryRenditions,
    private readonly box: SecretBox,
    private readonly settings: WebhookSenderSettings,
  ) {}

  async send(delivery: Delivery, now: Date): Promise<SendReport> {
    const endpoint = await this.endpoints.get(delivery.targetId, () =>
      this.endpointStore.get(delivery.targetId),
    );
    if (!endpoint) return { kind: 'dead', reason: 'the endpoint was removed' };
    const key = {
      guid: delivery.guid,
      version: delivery.version,
      format: delivery.format,
      level: delivery.level,
      embargoed: delivery.embargoed,
    };
    const rendition = await this.renditions.get(renditionKeyString(key), () =>
      this.renditionStore.get(key),
    );
    if (!rendition) return { kind: 'dead', reason: 'no rendition stored for this version' };
    const body = Buffer.from(rendition.body, 'utf8');
    const timestamp = Math.floor(now.getTime() / 1000);
    const result = await attempt({
      method: 'POST',
      url: endpoint.url,
      body,
      timeoutMs: this.settings.timeoutMs,
      lookup: this.settings.lookup,
      headers: {
        'content-type': rendition.mediaType,
        'user-agent': 'depeche-distributor/0.1',
        'idempotency-key': idempotencyKey(delivery.guid, delivery.version),
        'x-depeche-delivery': delivery.id,
        'x-depeche-attempt': String(delivery.attempts),
        'x-depeche-event': delivery.change,
        'x-depeche-article': delivery.articleId,
        'x-depeche-version': String(delivery.version),
        'x-depeche-timestamp': String(timestamp),
        'x-depeche-signature': signatureHeader(this.secrets(endpoint, now), timestamp, body),
      },
    });
    return { kind: 'attempted', result };
  }

  async partnerOf(targetId: string): Promise<string> {
    const endpoint = await this.endpoints.get(targetId, () => this.endpointStore.get(targetId));
    return endpoint?.partnerId ?? 'unknown';
  }

  async disable(targetId: string, reason: string): Promise<void> {
    await this.endpointStore.setStatus(targetId, 'disabled', reason);
    this.endpoints.delete(targetId);
  }

  /** The current secret first; the previous one too while the rotation overlap lasts. */
  private secrets(endpoint: WebhookEndpoint, now: Date): string[] {
    const secrets = [this.box.open(endpoint.secret, endpoint.id)];
    if (
      endpoint.previousSecret !== undefined &&
      endpoint.previousSecretUntil !== undefined &&
      endpoint.previousSecretUntil > now.toISOString()
    ) {
      secrets.push(this.box.open(endpoint.previousSecret, endpoint.id));
    }
    return secrets;
  }
}
