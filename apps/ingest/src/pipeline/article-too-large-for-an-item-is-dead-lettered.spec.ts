import { MAX_ITEM_ARTICLE_BYTES } from '@depeche/contracts';
import type { ConsumedMessage } from '@depeche/kafka';
import type { IncomingVersion, OutboxMessage, StoreOutcome } from '@depeche/persistence';
import { JSON_EVENT_HEADERS, sampleEvent } from '@depeche/testing';
import type { BatchStore } from './combined-store';
import { IngestBatchHandler } from './ingest-batch.handler';

/** What was handed to the store, in memory: the handler's only collaborator. */
class KeptBatches implements BatchStore {
  readonly versions: IncomingVersion[] = [];
  readonly messages: OutboxMessage[] = [];

  storeBatch(
    batch: readonly IncomingVersion[],
    announce: (incoming: IncomingVersion) => OutboxMessage,
  ): Promise<StoreOutcome[]> {
    this.versions.push(...batch);
    this.messages.push(...batch.map(announce));
    return Promise.resolve(batch.map(() => 'accepted' as const));
  }
}

function message(offset: string, event: ReturnType<typeof sampleEvent>): ConsumedMessage {
  return {
    topic: 'articles.events',
    partition: 0,
    offset,
    key: Buffer.from(event.article.id),
    value: Buffer.from(JSON.stringify(event), 'utf8'),
    headers: Object.fromEntries(
      Object.entries(JSON_EVENT_HEADERS).map(([name, value]) => [name, Buffer.from(value)]),
    ),
    timestamp: String(Date.now()),
    attributes: 0,
  };
}

/**
 * Markup normalises to several times its size: a body of `<p>a` repeated, well within the event
 * limit, becomes an article over what syndication.items takes. The broker would refuse its item
 * and the outbox relay, which sends in order, would stop there for good.
 */
describe('an event whose article would not fit in an item', () => {
  it('is dead-lettered as too-large, and the next event is stored', async () => {
    const wide = sampleEvent({ article: { id: 'wide-story', body: '<p>a'.repeat(250_000) } });
    const next = sampleEvent({ article: { id: 'next-story' } });
    const store = new KeptBatches();
    const handler = new IngestBatchHandler(store, {
      maxEventBytes: 2 * 1024 * 1024,
      itemsTopic: 'syndication.items',
      now: () => new Date('2026-11-29T12:00:00Z'),
    });

    const { deadLetters, types } = await handler.handle([message('10', wide), message('11', next)]);

    expect(deadLetters).toHaveLength(1);
    const [letter] = deadLetters;
    expect(letter?.offset).toBe('10');
    expect(letter?.error.code).toBe('too-large');
    expect(letter?.error.fields).toEqual(['body']);
    expect(letter?.error.message).toContain(`over the ${MAX_ITEM_ARTICLE_BYTES}`);
    expect(store.versions.map((v) => v.article.id)).toEqual(['next-story']);
    expect(types.get('11')).toBe('article.published');
    // The store is handed the document it would have written, so the article is written once.
    expect(store.versions[0]?.document).toBe(JSON.stringify(store.versions[0]?.article));
  }, 30_000);
});
