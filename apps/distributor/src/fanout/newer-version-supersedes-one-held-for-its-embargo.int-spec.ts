import type { Article } from '@depeche/article';
import type { ConsumedMessage } from '@depeche/kafka';
import { migrate, MIGRATIONS } from '@depeche/persistence';
import { createSqliteTestDatabase, sampleArticle, type TestDatabase } from '@depeche/testing';
import { ItemsBatchHandler } from './items-batch.handler';
import { itemOf, itemsMessage } from '../test-support/items-message';
import { oneWebhookPartner } from '../test-support/one-webhook-partner';

const now = new Date('2025-07-04T15:00:00.000Z');
const hour = 3_600_000;

const message = (offset: string, article: Article): ConsumedMessage =>
  itemsMessage(offset, itemOf(article, now), now);

/**
 * A version queued to wait for its embargo carries that embargo and its own text: sent at the lift
 * after a newer version extended the embargo or withdrew the story, it would break the one and
 * publish the other. The fan-out of the newer version supersedes it (issue 6: embargo).
 */
describe('a newer version of a story held for its embargo', () => {
  let database: TestDatabase;
  let handler: ItemsBatchHandler;

  beforeEach(async () => {
    database = createSqliteTestDatabase();
    await migrate(database.db, MIGRATIONS);
    handler = new ItemsBatchHandler(database.db, oneWebhookPartner(), {
      publicBaseUrl: 'http://localhost',
      now: () => now,
    });
  });

  afterEach(() => database.drop());

  async function queued(): Promise<[number, string, string, string | null][]> {
    const rows = await database.db.query<{
      version: number;
      status: string;
      not_before: string;
      last_error: string | null;
    }>('SELECT version, status, not_before, last_error FROM deliveries ORDER BY version');
    return rows.map((r) => [Number(r.version), r.status, r.not_before, r.last_error]);
  }

  const v1 = sampleArticle({ embargoUntil: new Date(now.getTime() + hour).toISOString() });
  const superseded =
    'superseded by a newer version of the story before its embargo lifted; never sent';

  it('supersedes the held one when the embargo is extended, and waits for the new lift', async () => {
    const v2: Article = {
      ...v1,
      version: 2,
      change: 'updated',
      embargoUntil: new Date(now.getTime() + 2 * hour).toISOString(),
    };
    await handler.handle([message('1', v1)]);
    expect(await queued()).toEqual([[1, 'pending', v1.embargoUntil, null]]);
    await handler.handle([message('2', v2)]);
    expect(await queued()).toEqual([
      [1, 'dead', v1.embargoUntil, superseded],
      [2, 'pending', v2.embargoUntil, null],
    ]);
  });

  it('supersedes the held one when the story is withdrawn before the lift', async () => {
    const withdrawn: Article = {
      ...v1,
      version: 2,
      change: 'withdrawn',
      withdrawnAt: now.toISOString(),
    };
    await handler.handle([message('1', v1), message('2', withdrawn)]);
    const rows = await queued();
    expect(rows[0]).toEqual([1, 'dead', v1.embargoUntil, superseded]);
    expect(rows.slice(1).map(([version, status]) => [version, status])).toEqual([[2, 'pending']]);
  });
});
