import { articleGuid, type Article } from '@depeche/article';
import { ArticleStore, FeedReadModel, migrate, MIGRATIONS } from '@depeche/persistence';
import { sampleArticle, TEST_DATABASES, type TestDatabase } from '@depeche/testing';
import { randomUUID } from 'node:crypto';
import { ArchiveDays } from './archive-days';
import type { Reader } from './reader';

const NOW = new Date('2025-07-05T09:00:00.000Z');

/** A story first published on 2025-07-04 at `minute`, its newest version at `updated`. */
function story(id: string, section: string, minute: number, updated: string): Article {
  const first = new Date(Date.UTC(2025, 6, 4, 8, minute)).toISOString();
  return sampleArticle({
    id,
    guid: articleGuid('webradio media', id),
    sections: [section],
    firstPublishedAt: first,
    updatedAt: updated,
  });
}

/** A reader who sees sport only, as an entitlement to one section makes it. */
const sportOnly = {
  visibility: (article: Article) => ({ visible: article.sections.includes('sport') }),
} as unknown as Reader;

/**
 * Issue 5, archives give back the whole feed: a day's page read the day's 2,000 most recently
 * updated stories and only then kept those the reader sees, so a narrow reader lost its stories on
 * a busy day. It reads on (here two stories a read, so the scan spans many reads).
 */
describe.each(TEST_DATABASES)('an archive page of a busy day on %s', (_name, create) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await create();
    await migrate(database.db, MIGRATIONS);
    // Politics updated all evening, two at each minute (ties the keyset must order by id); the one sport story, first of the day, never updated since.
    const politics = Array.from({ length: 9 }, (_, i) =>
      story(`politics-${i}`, 'politique', 10 + i, `2025-07-04T20:0${Math.floor(i / 2)}:00.000Z`),
    );
    const sport = story('sport-0', 'sport', 1, '2025-07-04T08:01:00.000Z');
    await new ArticleStore(database.db).storeBatch(
      [...politics, sport].map((article) => ({
        eventId: randomUUID(),
        article,
        receivedAt: NOW.toISOString(),
      })),
      (incoming) => ({
        topic: 'syndication.items',
        key: incoming.article.id,
        value: '{}',
        headers: {},
      }),
    );
  });

  afterAll(() => database.drop());

  it('finds the narrow reader’s story behind the others, each story read once', async () => {
    const model = new FeedReadModel(database.db);
    const reads: number[] = [];
    const counting = {
      publishedBefore: model.publishedBefore.bind(model),
      publishedBetween: async (...args: Parameters<FeedReadModel['publishedBetween']>) => {
        const rows = await model.publishedBetween(...args);
        reads.push(rows.length);
        return rows;
      },
    };
    const page = await new ArchiveDays(counting, 2).storiesOf(sportOnly, '2025-07-04', NOW);
    expect(page.shown.map((a) => a.id)).toEqual(['sport-0']);
    // Ten stories in reads of two: the keyset read on without skipping or repeating one.
    expect(reads.reduce((sum, n) => sum + n, 0)).toBe(10);
  });
});
