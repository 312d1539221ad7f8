import { FEED_CONSISTENCY_HEADERS } from '@depeche/contracts';
import type { ChangeLog, Delivery, WebsubSubscriptionStore } from '@depeche/persistence';
import { createHash } from 'node:crypto';
import type { LookupFunction } from 'node:net';
import type { SecretBox } from '../crypto/secret-box';
import type { Sender, SendReport } from '../delivery/send-report';
import { attempt, httpExchange } from '../net/http-client';
import { hubSignature } from '../signing/hub-signature';

const FEED_MAX_BYTES = 16 * 1024 * 1024;

export interface WebsubSenderSettings {
  readonly timeoutMs: number;
  readonly lookup: LookupFunction;
  readonly hubUrl: string;
}

/**
 * WebSub content distribution (W3C WebSub §7): the topic's feed as feed-api serves it to the
 * subscriber (fetched with the partner's key, so the same entitlement rules pick the stories),
 * POSTed to the callback with the topic's content type, Link rel=hub and rel=self, and
 * X-Hub-Signature when the subscriber gave a secret.
 *
 * The feed is asked for as it stands after the delivery's change (FEED_CONSISTENCY_HEADERS: its
 * change-log seq, and its embargo lift for a delivery held until then): feed-api waits for its
 * view to get there or answers 503, retried like any failure. So the bytes pushed carry the
 * change, and a feed identical to the one pushed last means the change did not alter this feed
 * (it is not pushed again), never that feed-api had not rebuilt it yet.
 */
export class WebsubSender implements Sender {
  constructor(
    private readonly subscriptions: WebsubSubscriptionStore,
    private readonly changes: ChangeLog,
    private readonly box: SecretBox,
    private readonly settings: WebsubSenderSettings,
  ) {}

  async send(delivery: Delivery, now: Date): Promise<SendReport> {
    const subscription = await this.subscriptions.get(delivery.targetId);
    if (
      !subscription ||
      subscription.status !== 'active' ||
      subscription.expiresAt <= now.toISOString()
    ) {
      return { kind: 'dead', reason: 'the subscription ended' };
    }
    const key =
      subscription.apiKey === undefined
        ? undefined
        : this.box.open(subscription.apiKey, subscription.id);
    const seq = await this.changes.seqOf(delivery.articleId, delivery.version);
    let feed;
    try {
      feed = await httpExchange({
        method: 'GET',
        url: subscription.topic,
        headers: {
          ...(key === undefined ? {} : { authorization: `Bearer ${key}` }),
          ...(seq === undefined ? {} : { [FEED_CONSISTENCY_HEADERS.afterChange]: String(seq) }),
          // When it first became due: now, or when its embargo lifted (retries move notBefore on).
          [FEED_CONSISTENCY_HEADERS.afterTime]: delivery.dueAt,
        },
        timeoutMs: this.settings.timeoutMs,
        keepBytes: FEED_MAX_BYTES,
      });
    } catch (error) {
      return {
        kind: 'attempted',
        result: { kind: 'failure', message: `feed fetch: ${(error as Error).message}` },
      };
    }
    if (feed.status === 401 || feed.status === 403 || feed.status === 404) {
      return { kind: 'dead', reason: `the topic answers ${feed.status} to the subscriber` };
    }
    if (feed.status !== 200) {
      return {
        kind: 'attempted',
        result: { kind: 'failure', message: `feed fetch: HTTP ${feed.status}` },
      };
    }
    const etag = typeof feed.headers.etag === 'string' ? feed.headers.etag : digest(feed.body);
    if (etag === subscription.lastEtag) {
      return { kind: 'done', reason: 'the feed already pushed carries this change' };
    }
    const secret =
      subscription.secret === undefined
        ? undefined
        : this.box.open(subscription.secret, subscription.id);
    const result = await attempt({
      method: 'POST',
      url: subscription.callback,
      body: feed.body,
      timeoutMs: this.settings.timeoutMs,
      lookup: this.settings.lookup,
      headers: {
        'content-type': String(feed.headers['content-type'] ?? 'application/octet-stream'),
        'user-agent': 'depeche-hub/0.1',
        // WebSub §7: the hub MUST send Link headers with rel=hub and rel=self.
        link: `<${this.settings.hubUrl}>; rel="hub", <${subscription.topic}>; rel="self"`,
        ...(secret === undefined ? {} : { 'x-hub-signature': hubSignature(secret, feed.body) }),
      },
    });
    if (result.kind === 'response' && result.status >= 200 && result.status < 300) {
      await this.subscriptions.recordEtag(subscription.id, etag);
    }
    return { kind: 'attempted', result };
  }

  async partnerOf(targetId: string): Promise<string> {
    return (await this.subscriptions.get(targetId))?.partnerId ?? 'public';
  }

  async disable(targetId: string): Promise<void> {
    await this.subscriptions.end(targetId);
  }
}

function digest(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url')}"`;
}
