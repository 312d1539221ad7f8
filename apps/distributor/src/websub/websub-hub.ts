import { mayUseFormat, type Channel, type Partner } from '@depeche/entitlements';
import { Problem } from '@depeche/observability';
import type { PartnerStore, WebsubSubscriptionStore } from '@depeche/persistence';
import { createHash } from 'node:crypto';
import type { LookupFunction } from 'node:net';
import type { SecretBox } from '../crypto/secret-box';
import type { AddressPolicy } from '../net/address-policy';
import { urlRefusal } from '../net/check-url';
import { grantedLease, readHubRequest, type HubRequest } from './hub-request';
import { verifyIntent } from './intent-verifier';
import { parseTopic, type Topic } from './topic';

/** Verifications of intent running at once at most; past it, requests are answered 503. */
const MAX_PENDING_VERIFICATIONS = 256;

export interface HubSettings {
  readonly feedApiUrl: string;
  readonly lease: { readonly min: number; readonly default: number; readonly max: number };
  /** New subscriptions a partner, or the public's callbacks of one origin, may hold at most. */
  readonly maxSubscriptions: number;
  readonly timeoutMs: number;
  readonly lookup: LookupFunction;
  readonly log: (message: string) => void;
}

/**
 * The hub's side of W3C WebSub §5: a request is checked at once (errors are 4xx problems), then
 * answered 202 and its intent verified asynchronously; only a verified subscribe creates or renews
 * a subscription, only a verified unsubscribe removes one. A partner's feed needs that partner's
 * API key on the request (Authorization: Bearer), as feed-api asks for it.
 */
export class WebsubHub {
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly subscriptions: WebsubSubscriptionStore,
    private readonly partners: PartnerStore,
    private readonly box: SecretBox,
    private readonly policy: AddressPolicy,
    private readonly settings: HubSettings,
  ) {}

  async request(form: unknown, apiKey: string | undefined, now: Date): Promise<void> {
    const request = readHubRequest(form);
    if (typeof request === 'string') throw new Problem(400, request);
    const topic = parseTopic(request.topic, this.settings.feedApiUrl);
    if (!topic)
      throw new Problem(400, `hub.topic must be a feed of ${this.settings.feedApiUrl}/v1/feeds/`);
    const refusal = await urlRefusal(request.callback, this.policy);
    if (refusal) throw new Problem(400, `hub.callback refused: ${refusal}`);
    const audience =
      request.mode === 'subscribe' ? await this.audience(topic, apiKey, now) : undefined;
    // Who asks: the partner whose key came with the request, or the public ('').
    const subscriber =
      request.mode === 'subscribe'
        ? (audience?.partner?.id ?? '')
        : apiKey === undefined
          ? ''
          : (await this.authenticated(apiKey, now)).id;
    const held = await this.subscriptions.find(topic.url, request.callback);
    if (held && (held.partnerId ?? '') !== subscriber) {
      // A topic URL names a channel, not a partner: without this, naming a partner's callback
      // took its subscription over (or ended it).
      throw new Problem(
        409,
        'This callback is subscribed to this topic by another subscriber; use a callback URL of your own.',
      );
    }
    if (!held && request.mode === 'subscribe')
      await this.refuseOverQuota(subscriber, request.callback);
    if (this.pending.size >= MAX_PENDING_VERIFICATIONS) {
      throw new Problem(503, 'Too many verifications of intent in progress; retry in a moment.', {
        headers: { 'retry-after': '5' },
      });
    }
    const work = this.verifyThenApply(request, topic, audience, apiKey, subscriber).catch(
      (error: unknown) =>
        this.settings.log(`WebSub ${request.mode} of ${request.callback} failed: ${String(error)}`),
    );
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  /** Verifications still running (shutdown and tests wait for them). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  private async audience(
    topic: Topic,
    apiKey: string | undefined,
    now: Date,
  ): Promise<{ channel: Channel; partner?: Partner }> {
    if (apiKey === undefined) {
      const channel = await this.partners.publicChannel(topic.slug);
      if (!channel) {
        throw new Problem(
          401,
          `${topic.slug} is not a public feed; a partner feed needs the partner's API key`,
          { headers: { 'www-authenticate': 'Bearer realm="depeche"' } },
        );
      }
      return { channel };
    }
    const partner = await this.authenticated(apiKey, now);
    const channel = await this.partners.channel(partner.id, topic.slug);
    if (!channel) throw new Problem(404, `The partner has no channel ${topic.slug}.`);
    if (!mayUseFormat(partner.entitlement, topic.format)) {
      throw new Problem(403, `The partner may not use the ${topic.format} format.`);
    }
    return { channel, partner };
  }

  /**
   * A new subscription past its subscriber's quota is refused: a partner holds at most
   * `maxSubscriptions`, and so do the public's callbacks of one origin. Every subscription costs a
   * feed fetch and a POST per change of its topic; without a bound, one client naming callbacks
   * `?n=1`, `?n=2`… on a public feed multiplied the hub's work without end.
   */
  private async refuseOverQuota(subscriber: string, callback: string): Promise<void> {
    const held = await this.subscriptions.countHeld(subscriber, new URL(callback).origin);
    if (held >= this.settings.maxSubscriptions) {
      throw new Problem(
        403,
        subscriber === ''
          ? `The callbacks of ${new URL(callback).origin} hold ${held} subscriptions, the most a public subscriber may.`
          : `The partner holds ${held} subscriptions, the most it may.`,
      );
    }
  }

  private async authenticated(apiKey: string, now: Date): Promise<Partner> {
    const partner = await this.partners.authenticate(apiKey, now);
    if (!partner) {
      throw new Problem(401, 'The API key is not valid.', {
        headers: { 'www-authenticate': 'Bearer realm="depeche"' },
      });
    }
    return partner;
  }

  private async verifyThenApply(
    request: HubRequest,
    topic: Topic,
    audience: { channel: Channel; partner?: Partner } | undefined,
    apiKey: string | undefined,
    subscriber: string,
  ): Promise<void> {
    const leaseSeconds =
      request.mode === 'subscribe'
        ? grantedLease(request.leaseSeconds, this.settings.lease)
        : undefined;
    const verified = await verifyIntent(
      {
        mode: request.mode,
        topic: topic.url,
        callback: request.callback,
        ...(leaseSeconds === undefined ? {} : { leaseSeconds }),
      },
      this.settings,
    );
    if (!verified) {
      this.settings.log(
        `WebSub ${request.mode} of ${request.callback} to ${topic.url} not verified`,
      );
      return;
    }
    if (request.mode === 'unsubscribe' || audience === undefined || leaseSeconds === undefined) {
      await this.subscriptions.remove(topic.url, request.callback, subscriber);
      return;
    }
    // The id is kept on renewal: the sealed secrets are bound to it. A new one is derived from the
    // topic and callback, so two subscribes verified at once seal under the id the row gets (with
    // random ids, the second renewed the first's row with secrets sealed under its own: unreadable).
    const id =
      (await this.subscriptions.find(topic.url, request.callback))?.id ??
      subscriptionId(topic.url, request.callback);
    const applied = await this.subscriptions.upsert(
      {
        id,
        topic: topic.url,
        callback: request.callback,
        ...(audience.partner ? { partnerId: audience.partner.id } : {}),
        channelSlug: topic.slug,
        format: topic.format,
        ...(request.secret === undefined ? {} : { secret: this.box.seal(request.secret, id) }),
        ...(audience.partner && apiKey !== undefined ? { apiKey: this.box.seal(apiKey, id) } : {}),
        leaseSeconds,
      },
      new Date(),
    );
    if (!applied) {
      this.settings.log(
        `WebSub subscribe of ${request.callback} to ${topic.url} not applied: another subscriber holds it`,
      );
    }
  }
}

/** A UUID-shaped id from the topic and the callback: the same for the same pair, in any process. */
function subscriptionId(topic: string, callback: string): string {
  const hex = createHash('sha256').update(`${topic}\n${callback}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
