import type { Article } from '@depeche/article';
import type { Entitlement } from '@depeche/entitlements';
import { ArticleStore, migrate, MIGRATIONS } from '@depeche/persistence';
import { sampleArticle, TEST_DATABASES, type TestDatabase } from '@depeche/testing';
import { ItemsBatchHandler } from './items-batch.handler';
import type { PushTargets } from './push-targets';
import type { TargetDirectory } from './target-directory';
import { itemOf, itemsMessage } from '../test-support/items-message';
import { oneWebhookTargets } from '../test-support/one-webhook-partner';

const now = new Date('2025-07-04T15:00:00.000Z');

/** oneWebhookTargets (partner p1, webhook w1) with the partner's entitlement as the test sets it. */
function targetsWith(entitlement: Partial<Entitlement>): TargetDirectory {
  const targets = oneWebhookTargets();
  const [webhook] = targets.webhooks;
  if (!webhook) throw new Error('oneWebhookTargets has a webhook');
  const narrowed: PushTargets = {
    ...targets,
    webhooks: [
      {
        ...webhook,
        partner: {
          ...webhook.partner,
          entitlement: { ...webhook.partner.entitlement, ...entitlement },
        },
      },
    ],
  };
  return { load: () => Promise.resolve(narrowed) } as unknown as TargetDirectory;
}

/**
 * The fan-out with versions in the store, as ingest leaves them: a story that moves to a section
 * the partner lacks is revoked where the partner holds it, and is not where the partner lost the
 * story's section with its entitlement first (the change stream says nothing then either).
 */
describe.each(TEST_DATABASES)(
  'revocations after an entitlement was narrowed, on %s',
  (_name, create) => {
    let database: TestDatabase;

    beforeEach(async () => {
      database = await create();
      await migrate(database.db, MIGRATIONS);
    });

    afterEach(() => database.drop());

    const v1: Article = sampleArticle({ id: 'moving', version: 1, sections: ['international'] });
    const v2: Article = { ...v1, version: 2, change: 'updated', sections: ['culture'] };

    async function fanOut(article: Article, directory: TargetDirectory, offset: string) {
      await new ArticleStore(database.db).storeBatch(
        [{ eventId: `moving-${article.version}`, article, receivedAt: now.toISOString() }],
        (incoming) => ({
          topic: 'syndication.items',
          key: incoming.article.id,
          value: '{}',
          headers: {},
        }),
      );
      const handler = new ItemsBatchHandler(database.db, directory, {
        publicBaseUrl: 'http://localhost',
        now: () => now,
      });
      await handler.handle([itemsMessage(offset, itemOf(article, now), now)]);
    }

    async function changes(): Promise<[number, string][]> {
      const rows = await database.db.query<{ version: number | string; change: string }>(
        'SELECT version, change FROM deliveries ORDER BY version',
      );
      return rows.map((r) => [Number(r.version), r.change]);
    }

    it('revokes the story where the partner still has the section it left', async () => {
      const unchanged = targetsWith({});
      await fanOut(v1, unchanged, '1');
      await fanOut(v2, unchanged, '2');
      expect(await changes()).toEqual([
        [1, 'published'],
        [2, 'revoked'],
      ]);
    });

    it('sends nothing where the partner lost that section before the story moved', async () => {
      await fanOut(v1, targetsWith({}), '1');
      await fanOut(v2, targetsWith({ sections: ['sport'] }), '2');
      expect(await changes()).toEqual([[1, 'published']]);
    });
  },
);
