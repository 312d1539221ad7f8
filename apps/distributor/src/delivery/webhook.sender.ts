import type { Article } from '@depeche/article';
import type { Partner } from '@depeche/entitlements';
import type {
  Delivery,
  DeliveryRenditions,
  FeedReadModel,
  PartnerStore,
  WebhookEndpoint,
  WebhookEndpointStore,
  WebhookFormat,
} from '@depeche/persistence';
import { renditionKeyString } from '@depeche/persistence';
import type { LookupFunction } from 'node:net';
import type { SecretBox } from '../crypto/secret-box';
import { renderPush } from '../fanout/push-rendition';
import { attempt } from '../net/http-client';
import { signatureHeader } from '../signing/webhook-signature';
import { idempotencyKey } from './idempotency-key';
import { judgeAtSend, type SendVerdict } from './judge-at-send';
import type { Sender, SendReport } from './send-report';
import { TtlCache } from './ttl-cache';

export interface WebhookSenderSettings {
  readonly timeoutMs: number;
  readonly lookup: LookupFunction;
  /** Self links of JSON Feed / Atom documents rendered at send time (PUBLIC_BASE_URL). */
  readonly publicBaseUrl: string;
}

/** Where the sender reads what a delivery is judged by when it is sent (judgeAtSend). */
export interface SendTimeFacts {
  readonly partners: Pick<PartnerStore, 'getPartner'>;
  readonly articles: Pick<FeedReadModel, 'version'>;
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
  /** Entitlements, as fresh as the endpoints: a narrowed one applies within a second. */
  private readonly partners = new TtlCache<Partner | undefined>(1_000, 10_000);
  /**
   * Stored versions never change; one read serves every partner a version goes to within the
   * minute (a story's deliveries go out within seconds; 500 documents are a few MB).
   */
  private readonly articles = new TtlCache<Article | undefined>(60_000, 500);

  constructor(
    private readonly endpointStore: WebhookEndpointStore,
    private readonly renditionStore: DeliveryRenditions,
    private readonly box: SecretBox,
    private readonly facts: SendTimeFacts,
    private readonly settings: WebhookSenderSettings,
  ) {}

  async send(delivery: Delivery, now: Date): Promise<SendReport> {
    let prepared: Prepared | SendReport;
    try {
      prepared = await this.prepare(delivery, now);
    } catch (error) {
      // Our own store failed (the database is away), not the partner: no attempt is counted and
      // the partner's circuit is left alone, so an outage never dead-letters a delivery.
      return {
        kind: 'postpone',
        at: new Date(now.getTime() + STORE_RETRY_MS),
        reason: `reading the delivery's endpoint, partner or rendition failed: ${(error as Error).message}`,
      };
    }
    if ('kind' in prepared) return prepared;
    const { opened, rendition } = prepared;
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

  /** What sending needs from the stores, or why nothing is to be sent. */
  private async prepare(delivery: Delivery, now: Date): Promise<Prepared | SendReport> {
    const opened = await this.opened(delivery.targetId);
    if (!opened) return { kind: 'dead', reason: 'the endpoint was removed' };
    const verdict = await this.judge(delivery, opened.endpoint, now);
    if (verdict.kind === 'refused') return { kind: 'dead', reason: verdict.reason };
    if (verdict.kind === 'wait')
      return { kind: 'postpone', at: verdict.until, reason: verdict.reason };
    const rendition = await this.rendition(delivery, verdict);
    if (!rendition) return { kind: 'dead', reason: 'no rendition stored for this version' };
    return { opened, rendition };
  }

  /** The delivery as a pull would find it now (judgeAtSend). */
  private async judge(
    delivery: Delivery,
    endpoint: WebhookEndpoint,
    now: Date,
  ): Promise<SendVerdict> {
    if (delivery.change === 'withdrawn' || delivery.change === 'revoked') {
      return { kind: 'as-planned' };
    }
    const [partner, article] = await Promise.all([
      this.partners.get(endpoint.partnerId, () =>
        this.facts.partners.getPartner(endpoint.partnerId),
      ),
      this.storedVersion(delivery),
    ]);
    return judgeAtSend(delivery, partner, article, now);
  }

  private storedVersion(delivery: Delivery): Promise<Article | undefined> {
    return this.articles.get(`${delivery.articleId}|${delivery.version}`, async () => {
      const stored = await this.facts.articles.version(delivery.articleId, delivery.version);
      return stored?.article;
    });
  }

  /**
   * The bytes to send: the fan-out's stored rendition, or for a verdict of another level, the
   * stored version rendered at it (and kept like a stored one).
   */
  private async rendition(
    delivery: Delivery,
    verdict: SendVerdict,
  ): Promise<EncodedRendition | undefined> {
    const key = {
      guid: delivery.guid,
      version: delivery.version,
      format: delivery.format,
      level: verdict.kind === 'render' ? verdict.level : delivery.level,
      embargoed: delivery.embargoed,
    };
    return this.renditions.get(renditionKeyString(key), async () => {
      const stored = await this.renditionStore.get(key);
      if (stored) return { mediaType: stored.mediaType, body: Buffer.from(stored.body, 'utf8') };
      const article = verdict.kind === 'render' ? await this.storedVersion(delivery) : undefined;
      if (!article || verdict.kind !== 'render') return undefined;
      // With the clock the fan-out rendered with (when the delivery became due), so the embargo
      // marking is the planned one.
      const rendered = renderPush(
        delivery.format as WebhookFormat,
        article,
        verdict.level,
        new Date(delivery.dueAt),
        this.settings.publicBaseUrl,
      );
      return { mediaType: rendered.mediaType, body: rendered.body };
    });
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

/** How long a delivery waits after our own store failed to answer. */
export const STORE_RETRY_MS = 5_000;

interface Prepared {
  readonly opened: OpenedEndpoint;
  readonly rendition: EncodedRendition;
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
