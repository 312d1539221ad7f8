import type { Article } from '@depeche/article';
import { sampleArticle, sampleEntitlement } from '@depeche/testing';
import { DATABASES, FeedApiWorld } from './feed-api-harness';
import { jsonFeedIds, nextVersion, story } from './stories';

const T0 = new Date('2025-07-04T15:00:00.000Z');
const WINDOW = 200;

const minutesBefore = (minutes: number): string =>
  new Date(T0.getTime() - minutes * 60_000).toISOString();

/** Three culture stories, then more international ones than the window holds, all newer. */
const culture = [300, 290, 280].map((minutes, i) =>
  story(`culture-${i}`, {
    sections: ['culture'],
    firstPublishedAt: minutesBefore(minutes),
    updatedAt: minutesBefore(minutes),
    // The newest one's rights run out ten minutes after T0.
    ...(i === 2 && {
      rights: {
        ...sampleArticle().rights,
        expiresAt: new Date(T0.getTime() + 10 * 60_000).toISOString(),
      },
    }),
  }),
);
const international = Array.from({ length: WINDOW + 10 }, (_, i) =>
  story(`int-${i}`, {
    firstPublishedAt: minutesBefore(250 - i),
    updatedAt: minutesBefore(250 - i),
  }),
);

/**
 * feed-api holds the newest FEED_API_WINDOW stories of the whole store in memory. A partner who
 * may see only a quiet section found none of them there: its feed was empty while the store held
 * its stories. Documents the window cannot fill read on in the store.
 */
describe.each(DATABASES)('a view narrower than the window, on %s', (_name, createDatabase) => {
  let world: FeedApiWorld;
  let key: string;

  beforeAll(async () => {
    world = await FeedApiWorld.create(await createDatabase(), T0, {
      FEED_API_WINDOW: String(WINDOW),
    });
    key = await world.partner('arts', sampleEntitlement({ sections: ['culture'] }), { all: {} });
    await world.partners.defineChannel({
      slug: 'culture',
      title: 'Culture',
      filter: { sections: ['culture'], keywords: [], languages: [] },
      language: 'fr',
    });
    await world.publish([...culture, ...international]);
    await world.caughtUp();
  });

  afterAll(() => world.cleanup());

  const newestFirst = (stories: readonly Article[]): string[] =>
    [...stories].reverse().map((s) => s.guid);

  it('fills its feed from the store, newest first, within its limit', async () => {
    expect(world.runtime.index.size).toBe(WINDOW);
    expect(await jsonFeedIds(await world.get('/v1/feeds/all.json', key))).toEqual(
      newestFirst(culture),
    );
    expect(await jsonFeedIds(await world.get('/v1/feeds/all.json?limit=2', key))).toEqual(
      newestFirst(culture).slice(0, 2),
    );
  });

  it('lists them in the public channel’s news sitemap', async () => {
    const sitemap = await (await world.get('/v1/sitemaps/culture.xml')).text();
    for (const s of culture) expect(sitemap).toContain(s.canonicalUrl);
    expect(sitemap).not.toContain('/int-');
  });

  it('brings an updated one back to the top, from the window again', async () => {
    const oldest = culture[0] as Article;
    world.clock.set(new Date(T0.getTime() + 60_000));
    await world.publish([nextVersion(oldest, 301, { headline: 'Mise à jour' })]);
    await world.caughtUp();
    expect(await jsonFeedIds(await world.get('/v1/feeds/all.json', key))).toEqual([
      oldest.guid,
      ...newestFirst(culture).slice(0, 2),
    ]);
  });

  it('lets a story from past the window go when its rights run out, with no event', async () => {
    const [, second, expiring] = culture;
    // The day's archive page, built and cached before the expiry, carries it too.
    const archive = '/v1/feeds/all/archive/2025-07-04.json';
    expect(await jsonFeedIds(await world.get(archive, key))).toContain(expiring?.guid);
    world.clock.set(new Date(T0.getTime() + 11 * 60_000));
    await world.caughtUp();
    const feed = await world.get('/v1/feeds/all.json', key);
    const ids = await jsonFeedIds(feed);
    expect(ids).not.toContain(expiring?.guid);
    expect(ids).toContain(second?.guid);
    // Dated by the expiry, or an If-Modified-Since client would be told nothing changed.
    expect(feed.headers.get('last-modified')).toBe(
      new Date(expiring?.rights.expiresAt ?? '').toUTCString(),
    );
    // Nothing announces an expiry: the page went stale at it (out of rights, out of every page).
    const archived = await jsonFeedIds(await world.get(archive, key));
    expect(archived).not.toContain(expiring?.guid);
    expect(archived).toContain(second?.guid);
  });
});
