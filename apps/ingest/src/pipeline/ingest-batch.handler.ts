import { normalizeArticle, type SyndicationItem } from '@depeche/article';
import {
  HEADERS,
  MAX_ITEM_ARTICLE_BYTES,
  PermanentError,
  type RawMessage,
} from '@depeche/contracts';
import { deadLetterOf, type ConsumedMessage, type DeadLetter } from '@depeche/kafka';
import type { IncomingVersion, OutboxMessage } from '@depeche/persistence';
import type { BatchStore } from './combined-store';
import { decodeArticleEvent } from './decode-article-event';
import type { DecodedEvent } from './decoded-event';

/** A handled batch: what went to the dead letters, and each stored message's event type. */
export interface HandledBatch {
  readonly deadLetters: DeadLetter[];
  /**
   * By offset, every decoded message's type (stored, or dead-lettered as a version conflict): the
   * metrics label without a second parse of the value.
   */
  readonly types: ReadonlyMap<string, string>;
}

export interface IngestSettings {
  readonly maxEventBytes: number;
  readonly itemsTopic: string;
  readonly now: () => Date;
}

/**
 * decode → validate → normalise (pure, per message) → store the batch in one transaction with
 * its outbox messages. A message that fails the pure steps is a dead letter: the same bytes would
 * fail the same way again. A store failure throws, and the consumer retries the batch.
 */
export class IngestBatchHandler {
  constructor(
    private readonly store: BatchStore,
    private readonly settings: IngestSettings,
  ) {}

  async handle(messages: readonly ConsumedMessage[]): Promise<HandledBatch> {
    const receivedAt = this.settings.now().toISOString();
    const refused = new Map<ConsumedMessage, PermanentError>();
    const incoming: IncomingVersion[] = [];
    const sources: ConsumedMessage[] = [];
    const types = new Map<string, string>();
    for (const message of messages) {
      try {
        const decoded = this.decode(message);
        incoming.push(this.prepare(decoded, receivedAt));
        sources.push(message);
        types.set(message.offset, decoded.type);
      } catch (error) {
        refused.set(message, asPermanent(error));
      }
    }
    if (incoming.length > 0) {
      const outcomes = await this.store.storeBatch(incoming, this.announce);
      outcomes.forEach((outcome, i) => {
        const message = sources[i];
        const version = incoming[i];
        if (outcome === 'conflicting-version' && message && version) {
          refused.set(message, versionConflict(version));
        }
      });
    }
    // In the partition's order (a conflict is found after the refusals of the pure steps).
    const deadLetters = messages.flatMap((message) => {
      const error = refused.get(message);
      return error ? [deadLetterOf(message, error)] : [];
    });
    return { deadLetters, types };
  }

  private decode(message: ConsumedMessage): DecodedEvent {
    const raw: RawMessage = {
      key: message.key,
      value: message.value,
      headers: flatHeaders(message),
    };
    return decodeArticleEvent(raw, this.settings.maxEventBytes);
  }

  private prepare(decoded: DecodedEvent, receivedAt: string): IncomingVersion {
    const article = normalizeArticle(decoded.input, decoded.change);
    const document = JSON.stringify(article);
    const bytes = Buffer.byteLength(document);
    if (bytes > MAX_ITEM_ARTICLE_BYTES) {
      throw new PermanentError(
        'too-large',
        `the normalised article is ${bytes} bytes, over the ${MAX_ITEM_ARTICLE_BYTES} an item on syndication.items may carry`,
        ['body'],
      );
    }
    return {
      eventId: decoded.eventId,
      article,
      document,
      receivedAt,
      ...(decoded.correlationId ? { correlationId: decoded.correlationId } : {}),
    };
  }

  /**
   * The syndication item, written as JSON.stringify(item) would write it, but with the article
   * left out: the outbox refers to the copy stored in article_versions (the same
   * JSON.stringify(article)), and the relay splices it back in at `embeds.at`.
   */
  private readonly announce = (incoming: IncomingVersion): OutboxMessage => {
    const { article } = incoming;
    const item: Omit<SyndicationItem, 'article'> = {
      eventId: incoming.eventId,
      articleId: article.id,
      guid: article.guid,
      version: article.version,
      change: article.change,
      storedAt: incoming.receivedAt,
    };
    const head = `${JSON.stringify(item).slice(0, -1)},"article":`;
    return {
      topic: this.settings.itemsTopic,
      key: article.id,
      value: `${head}}`,
      embeds: { articleId: article.id, version: article.version, at: head.length },
      headers: {
        [HEADERS.contentType]: 'application/json',
        [HEADERS.schemaVersion]: '1',
        'event-id': incoming.eventId,
        ...(incoming.correlationId ? { [HEADERS.correlationId]: incoming.correlationId } : {}),
      },
    };
  };
}

/**
 * A version the store holds already, with other content: applying it would rewrite a version
 * partners may have (and it may be older than the current one); dropping it as a duplicate would
 * lose a withdrawal or an update whose version the CMS did not raise. The CMS must send it again
 * with a higher version; the dead letter keeps it until then.
 */
function versionConflict({ article }: IncomingVersion): PermanentError {
  return new PermanentError(
    'version-conflict',
    `version ${article.version} of article ${article.id} is stored already with other content; every change (a withdrawal too) must raise the version`,
    ['article.version'],
  );
}

/** Pure code fails the same way every time: any error from it is permanent. */
function asPermanent(error: unknown): PermanentError {
  if (error instanceof PermanentError) return error;
  const field = (error as { field?: unknown }).field;
  return new PermanentError(
    'normalisation-failed',
    (error as Error).message ?? String(error),
    typeof field === 'string' ? [field] : [],
  );
}

function flatHeaders(message: ConsumedMessage): RawMessage['headers'] {
  const headers: Record<string, Buffer | string | null | undefined> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    headers[name] = Array.isArray(value) ? value[0] : value;
  }
  return headers;
}
