import type { SyndicationItem } from '@depeche/article';
import { deadLetterOf, type ConsumedMessage, type DeadLetter } from '@depeche/kafka';
import {
  DeliveryQueue,
  DeliveryRenditions,
  FeedReadModel,
  renditionKeyString,
  type Delivery,
  type NewestDelivery,
  type NewDelivery,
  type SqlDatabase,
  type StoredRendition,
} from '@depeche/persistence';
import { PermanentError } from '@depeche/contracts';
import { withCorrelationId } from '@depeche/observability';
import { randomUUID } from 'node:crypto';
import type { CorrelationIds } from './correlation-ids';
import { correlationOf } from './correlation-of';
import { heldNoLonger, versionKey } from './held-no-longer';
import { planDeliveries, REVOKED_LEVEL, type RenditionRequest } from './plan-deliveries';
import { sendAtOnce } from './send-at-once';
import { renderPush, revokedArticle } from './push-rendition';
import { readItem } from './read-item';
import type { PushTargets } from './push-targets';
import type { TargetDirectory } from './target-directory';

export interface FanOutSettings {
  readonly publicBaseUrl: string;
  readonly now: () => Date;
  /** Where each item's correlation id is kept for the reports of its deliveries. */
  readonly correlations?: CorrelationIds;
  readonly log?: (level: 'warn' | 'debug', message: string) => void;
  /**
   * Deliveries this worker may take as it inserts them (sendAtOnce): its owner id and lease, and
   * how many more it can start or hold for a target now. Without it every delivery is claimed.
   */
  readonly dispatch?: {
    readonly owner: string;
    readonly leaseMs: number;
    readonly room: (targetId: string) => number;
  };
}

export interface FannedOut {
  readonly deadLetters: DeadLetter[];
  /** Deliveries queued as pending, for the claims. */
  readonly added: number;
  /** Deliveries inserted already claimed by this worker: to send now. */
  readonly claimed: Delivery[];
}

/**
 * syndication.items → the delivery queue: one transaction per Kafka batch writes every delivery
 * (idempotent per target, guid and version) with the renditions they carry; the consumer commits
 * the offsets after it. Throwing (database down) makes the consumer retry the batch.
 */
export class ItemsBatchHandler {
  /** The stored versions webhooks were last given (heldNoLonger). */
  private readonly versions: FeedReadModel;

  constructor(
    private readonly db: SqlDatabase,
    private readonly targets: TargetDirectory,
    private readonly settings: FanOutSettings,
  ) {
    this.versions = new FeedReadModel(db);
  }

  async handle(messages: readonly ConsumedMessage[]): Promise<FannedOut> {
    const deadLetters: DeadLetter[] = [];
    const items: SyndicationItem[] = [];
    const sources = new Map<SyndicationItem, ConsumedMessage>();
    const ids = new Map<string, string | undefined>();
    for (const message of messages) {
      // Every line logged about this item carries the id its event came with (issue 7).
      const correlationId = correlationOf(message);
      withCorrelationId(correlationId, () => {
        try {
          const item = readItem(message.value);
          items.push(item);
          sources.set(item, message);
          ids.set(`${item.articleId}@${item.version}`, correlationId);
          this.settings.correlations?.remember(item.articleId, item.version, correlationId);
        } catch (error) {
          deadLetters.push(this.deadLetter(message, error));
        }
      });
    }
    if (items.length === 0) return { deadLetters, added: 0, claimed: [] };
    const now = this.settings.now();
    const targets = await this.targets.load(now);
    if (targets.webhooks.length === 0 && targets.websub.length === 0)
      return { deadLetters, added: 0, claimed: [] };
    // Only this member fans out these stories (Kafka gives it their partition), so the history
    // may be read before the transaction (an operator's redelivery, the one other writer, is
    // looked for again inside it); rendering stays out of it too.
    const {
      delivered: history,
      open,
      ended,
      newest,
    } = await DeliveryQueue.storyHistory(this.db, [...new Set(items.map((i) => i.articleId))]);
    for (const pair of await this.heldNoLonger(newest, ended, targets, now)) ended.add(pair);
    // Planning adds to `history` the pairs it plans; where stories went before planning is kept.
    const wentBefore = new Set(history);
    // Each item is planned and rendered alone first: one that passed readItem but cannot be
    // planned or rendered (a malformed article) would make the whole batch throw, which the
    // consumer retries forever, so it is dead-lettered instead. Its renditions are kept, so each
    // is rendered once.
    const rendered = new Map<string, StoredRendition>();
    const plannable = items.filter((item) => {
      try {
        const single = planDeliveries(
          [item],
          targets,
          new Set(history),
          now,
          randomUUID,
          new Set(ended),
        );
        withCorrelationId(ids.get(`${item.articleId}@${item.version}`), () => {
          for (const request of single.renditions) {
            const key = renditionKeyString(request.key);
            if (!rendered.has(key)) rendered.set(key, this.render(request));
          }
        });
        return true;
      } catch (error) {
        const message = sources.get(item);
        if (message) deadLetters.push(this.deadLetter(message, error));
        return false;
      }
    });
    if (plannable.length === 0) return { deadLetters, added: 0, claimed: [] };
    const plan = planDeliveries(plannable, targets, history, now, randomUUID, ended);
    const renditions = plan.renditions.map(
      (request) => rendered.get(renditionKeyString(request.key)) ?? this.render(request),
    );
    const { dispatch } = this.settings;
    const atOnce = dispatch ? sendAtOnce(plan.deliveries, open, now, dispatch.room) : new Set();
    const { added, claimed } = await this.db.transaction(async (tx) => {
      await DeliveryQueue.holdOffRedelivery(tx);
      // An operator may have redelivered an older version since the history was read: where one
      // is open again, the newer version goes to the claims, which send the older one first.
      const reopened =
        atOnce.size === 0
          ? new Set<string>()
          : await DeliveryQueue.openPairs(
              tx,
              plan.deliveries.filter((d) => atOnce.has(d.id)),
            );
      const sendsNow = (d: NewDelivery): boolean =>
        atOnce.has(d.id) && !reopened.has(`${d.targetId}|${d.articleId}`);
      await DeliveryRenditions.put(tx, renditions, now);
      const queued = plan.deliveries.filter((d) => !sendsNow(d));
      const taken = plan.deliveries.filter(sendsNow);
      const added = await DeliveryQueue.enqueue(tx, queued, now);
      await DeliveryQueue.supersedeHeld(tx, mayFollowAnother(plan.deliveries, wentBefore), now);
      return {
        added,
        claimed:
          dispatch && taken.length > 0
            ? await DeliveryQueue.enqueueClaimed(tx, taken, now, dispatch.owner, dispatch.leaseMs)
            : [],
      };
    });
    for (const item of plannable) {
      withCorrelationId(ids.get(`${item.articleId}@${item.version}`), () =>
        this.settings.log?.('debug', `fanned out ${item.articleId} v${item.version}`),
      );
    }
    return { deadLetters, added, claimed };
  }

  /**
   * The webhooks that hold a story no longer, their partner's entitlement having lost the version
   * they were given (heldNoLonger). One read of those versions per batch, for stories that went
   * to webhooks before only.
   */
  private async heldNoLonger(
    newest: ReadonlyMap<string, NewestDelivery>,
    ended: ReadonlySet<string>,
    targets: PushTargets,
    now: Date,
  ): Promise<Set<string>> {
    const webhooks = new Set(targets.webhooks.map(({ endpoint }) => endpoint.id));
    const held = new Map(
      [...newest].filter(([pair, { targetId }]) => !ended.has(pair) && webhooks.has(targetId)),
    );
    if (held.size === 0) return new Set();
    const articles = await this.versions.versionsOf([...held.values()]);
    const facts = new Map(articles.map((a) => [versionKey(a.id, a.version), a]));
    return heldNoLonger(held, targets, facts, now);
  }

  private render({ key, article, renderAt }: RenditionRequest): StoredRendition {
    const revoked = key.level === REVOKED_LEVEL;
    const rendition = renderPush(
      key.format,
      revoked ? revokedArticle(article, renderAt, this.settings.publicBaseUrl) : article,
      revoked ? 'headline' : key.level,
      renderAt,
      this.settings.publicBaseUrl,
    );
    return { ...key, mediaType: rendition.mediaType, body: rendition.body.toString('utf8') };
  }

  private deadLetter(message: ConsumedMessage, error: unknown): DeadLetter {
    const letter = deadLetterOf(
      message,
      error instanceof PermanentError
        ? error
        : new PermanentError('schema-violation', String(error)),
    );
    this.settings.log?.(
      'warn',
      `dead-lettered ${message.topic}[${message.partition}]@${message.offset}: ${letter.error.code}`,
    );
    return letter;
  }
}

/**
 * The deliveries that may follow an older version of their story to their target: the story went
 * there before (`history`), or the batch holds several of its versions. Only for those is an older
 * version held for an embargo worth looking for (most stories are new, and the look costs a query).
 */
function mayFollowAnother(
  deliveries: readonly NewDelivery[],
  history: ReadonlySet<string>,
): NewDelivery[] {
  const count = new Map<string, number>();
  for (const d of deliveries) {
    const pair = `${d.targetId}|${d.articleId}`;
    count.set(pair, (count.get(pair) ?? 0) + 1);
  }
  return deliveries.filter((d) => {
    const pair = `${d.targetId}|${d.articleId}`;
    return history.has(pair) || (count.get(pair) ?? 0) > 1;
  });
}
