import type { Article } from '@depeche/article';
import { sampleEntitlement } from '@depeche/testing';
import { DATABASES, FeedApiWorld } from './feed-api-harness';
import { story } from './stories';

const T0 = new Date('2025-07-05T09:00:00.000Z');
const ONE: Article = story('one', {
  firstPublishedAt: '2025-07-04T10:00:00.000Z',
  updatedAt: '2025-07-04T10:00:00.000Z',
});

/**
 * Issue 5, sizes bounded: any client (with no key at all, on a public channel) may name any
 * calendar day's archive page. Each empty one was built, kept in the document cache and answered
 * 404, so asking for a few thousand days pushed every partner's cached feed out.
 */
describe.each(DATABASES)('archive pages of days with nothing on %s', (_name, createDatabase) => {
  let world: FeedApiWorld;
  let key: string;

  beforeAll(async () => {
    world = await FeedApiWorld.create(await createDatabase(), T0);
    key = await world.partner('partner', sampleEntitlement(), { all: {} });
    await world.publish([ONE]);
    await world.caughtUp();
  });

  afterAll(() => world.cleanup());

  it('answer 404 and take no room in the cache', async () => {
    expect((await world.get('/v1/feeds/all.atom', key)).status).toBe(200);
    expect((await world.get('/v1/feeds/all/archive/2025-07-04.atom', key)).status).toBe(200);
    const held = world.runtime.cache.size;
    for (const day of ['1999-01-01', '2025-07-03', '2025-07-01', '2025-07-06', '9999-12-31']) {
      const response = await world.get(`/v1/feeds/all/archive/${day}.atom`, key);
      expect([day, response.status]).toEqual([day, 404]);
    }
    expect(world.runtime.cache.size).toBe(held);
  });
});
