import type { IncomingVersion, OutboxMessage, StoreOutcome } from '@depeche/persistence';
import { sampleArticle } from '@depeche/testing';
import { CombinedStore, type BatchStore } from './combined-store';

const version = (id: string): IncomingVersion => ({
  eventId: `event-${id}`,
  article: sampleArticle({ id, guid: `urn:test:${id}` }),
  receivedAt: '2025-07-04T15:00:00.000Z',
});

const announceAs =
  (topic: string) =>
  (incoming: IncomingVersion): OutboxMessage => ({
    topic,
    key: incoming.article.id,
    value: incoming.eventId,
    headers: {},
  });

/** A store that records each transaction's batch and the topic each event was announced on. */
class RecordingStore implements BatchStore {
  readonly transactions: string[][] = [];
  readonly announced = new Map<string, string>();
  failWhen: (ids: readonly string[]) => boolean = () => false;

  async storeBatch(
    batch: readonly IncomingVersion[],
    announce: (incoming: IncomingVersion) => OutboxMessage,
  ): Promise<StoreOutcome[]> {
    await new Promise((r) => setTimeout(r, 5));
    const ids = batch.map((v) => v.article.id);
    if (this.failWhen(ids)) throw new Error(`poison in ${ids.join(',')}`);
    this.transactions.push(ids);
    for (const v of batch) this.announced.set(v.article.id, announce(v).topic);
    return batch.map((v) => (v.article.id.endsWith('stale') ? 'stale' : 'accepted'));
  }
}

describe('CombinedStore', () => {
  it('stores the batches handed in together in one transaction, each with its own outcomes and announcer', async () => {
    const store = new RecordingStore();
    const combined = new CombinedStore(store);
    const [a, b] = await Promise.all([
      combined.storeBatch([version('a1'), version('a2-stale')], announceAs('from-a')),
      combined.storeBatch([version('b1')], announceAs('from-b')),
    ]);
    expect(store.transactions).toEqual([['a1', 'a2-stale', 'b1']]);
    expect([a, b]).toEqual([['accepted', 'stale'], ['accepted']]);
    expect(Object.fromEntries(store.announced)).toEqual({
      a1: 'from-a',
      'a2-stale': 'from-a',
      b1: 'from-b',
    });
  });

  it('joins what arrives during a transaction into the next one, up to maxEvents', async () => {
    const store = new RecordingStore();
    const combined = new CombinedStore(store, 2);
    const first = combined.storeBatch([version('p0')], announceAs('t'));
    await new Promise((r) => setTimeout(r, 1)); // p0's transaction is running
    const later = ['p1', 'p2', 'p3'].map((id) =>
      combined.storeBatch([version(id)], announceAs('t')),
    );
    await Promise.all([first, ...later]);
    expect(store.transactions).toEqual([['p0'], ['p1', 'p2'], ['p3']]);
  });

  it('stores each batch alone when the joined transaction fails, so only the poisoned one fails', async () => {
    const store = new RecordingStore();
    store.failWhen = (ids) => ids.includes('poison');
    const combined = new CombinedStore(store);
    const results = await Promise.allSettled([
      combined.storeBatch([version('good1')], announceAs('t')),
      combined.storeBatch([version('poison')], announceAs('t')),
      combined.storeBatch([version('good2')], announceAs('t')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(store.transactions).toEqual([['good1'], ['good2']]);
  });
});
