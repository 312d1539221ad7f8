import type {
  Delivery,
  DeliveryRenditions,
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
  /**
   * Endpoints change rarely; a second of staleness saves a query and two AES-GCM opens per
   * delivery (a story goes to every endpoint within that second).
   */
  private readonly endpoints = new TtlCache<OpenedEndpoint | undefined>(1_000, 10_000);
  /** The bytes of a rendition, encoded once for all the endpoints that take it. */
  private readonly renditions = new TtlCache<EncodedRendition | undefined>(60_000, 2_000);

  constructor(
    private readonly endpointStore: WebhookEndpointStore,
    private readonly renditionStore: DeliveryRenditions,
    private readonly box: SecretBox,
    private readonly settings: WebhookSenderSettings,
  ) {}

  async send(delivery: Delivery, now: Date): Promise<SendReport> {
    const opened = await this.opened(delivery.targetId);
    if (!opened) return { kind: 'dead', reason: 'the endpoint was removed' };
    const key = {
      guid: delivery.guid,
      version: delivery.version,
      format: delivery.format,
      level: delivery.level,
      embargoed: delivery.embargoed,
    };
    const rendition = await this.renditions.get(renditionKeyString(key), async () => {
      const stored = await this.renditionStore.get(key);
      return stored && { mediaType: stored.mediaType, body: Buffer.from(stored.body, 'utf8') };
    });
    if (!rendition) return { kind: 'dead', reason: 'no rendition stored for this version' };
    const { endpoint } = opened;
    const { body } = rendition;
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
        'x-depeche-signature': signatureHeader(secretsAt(opened, now), timestamp, body),
      },
    });
    return { kind: 'attempted', result };
  }

  async partnerOf(targetId: string): Promise<string> {
    return (await this.opened(targetId))?.endpoint.partnerId ?? 'unknown';
  }

  async disable(targetId: string, reason: string): Promise<void> {
    await this.endpointStore.setStatus(targetId, 'disabled', reason);
    this.endpoints.delete(targetId);
  }

  private opened(targetId: string): Promise<OpenedEndpoint | undefined> {
    return this.endpoints.get(targetId, async () => {
      const endpoint = await this.endpointStore.get(targetId);
      if (!endpoint) return undefined;
      const previous =
        endpoint.previousSecret !== undefined && endpoint.previousSecretUntil !== undefined
          ? {
              secret: this.box.open(endpoint.previousSecret, endpoint.id),
              until: endpoint.previousSecretUntil,
            }
          : undefined;
      return { endpoint, secret: this.box.open(endpoint.secret, endpoint.id), previous };
    });
  }
}

interface OpenedEndpoint {
  readonly endpoint: WebhookEndpoint;
  readonly secret: string;
  readonly previous: { readonly secret: string; readonly until: string } | undefined;
}

interface EncodedRendition {
  readonly mediaType: string;
  readonly body: Buffer;
}

/** The current secret first; the previous one too while the rotation overlap lasts. */
function secretsAt(opened: OpenedEndpoint, now: Date): string[] {
  return opened.previous && opened.previous.until > now.toISOString()
    ? [opened.secret, opened.previous.secret]
    : [opened.secret];
}
