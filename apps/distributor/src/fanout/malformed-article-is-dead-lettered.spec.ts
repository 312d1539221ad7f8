import type { Article } from '@depeche/article';
import type { ConsumedMessage } from '@depeche/kafka';
import type { SqlDatabase } from '@depeche/persistence';
import { sampleArticle } from '@depeche/testing';
import { ItemsBatchHandler } from './items-batch.handler';
import { itemOf as itemOfAt, itemsMessage } from '../test-support/items-message';
import { oneWebhookPartner } from '../test-support/one-webhook-partner';

const now = new Date('2025-07-04T15:00:00.000Z');

const message = (offset: string, value: unknown): ConsumedMessage =>
  itemsMessage(offset, value, now);
const itemOf = (article: Article) => itemOfAt(article, now);

describe('a syndication item whose article cannot be planned or rendered', () => {
  it('is dead-lettered, and the rest of the batch is still fanned out', async () => {
    const enqueued: unknown[] = [];
    const db = {
      query: () => Promise.resolve([]),
      transaction: (work: (tx: unknown) => Promise<number>) =>
        work({
          query: (sql: string) => {
            enqueued.push(sql);
            return Promise.resolve([]);
          },
          execute: (sql: string) => {
            enqueued.push(sql);
            return Promise.resolve(1);
          },
        }),
    } as unknown as SqlDatabase;
    const targets = oneWebhookPartner();
    const handler = new ItemsBatchHandler(db, targets, {
      publicBaseUrl: 'http://localhost',
      now: () => now,
    });
    const good = sampleArticle();
    const bad = { ...itemOf(good), articleId: 'other', article: { id: 'other' } };
    const result = await handler.handle([message('1', bad), message('2', itemOf(good))]);
    expect(result.deadLetters.map((l) => l.offset)).toEqual(['1']);
    expect(result.deadLetters[0]?.error.code).toBe('schema-violation');
    expect(enqueued.some((sql) => /INSERT INTO deliveries/i.test(String(sql)))).toBe(true);
  });
});
