import { createSqliteTestDatabase } from '@depeche/testing';
import { FeedApiWorld } from './feed-api-harness';
import { nextVersion, story } from './stories';

const T = new Date('2025-07-04T15:00:00.000Z');

/**
 * Issue 5, conditional GET on the news sitemap: its Last-Modified was the newest version listed,
 * so a withdrawal of the newest story, or the newest-updated one ageing out of the 48 hours, moved
 * it back, and a crawler asking If-Modified-Since alone was told 304 over a changed list.
 */
describe('the news sitemap’s Last-Modified', () => {
  let world: FeedApiWorld;

  beforeEach(async () => {
    world = await FeedApiWorld.create(createSqliteTestDatabase(), T);
    await world.partners.defineChannel({
      slug: 'une',
      title: 'À la une',
      filter: { sections: [], keywords: [], languages: [] },
      language: 'fr',
    });
  });

  afterEach(() => world.cleanup());

  const sitemap = (since?: string): Promise<Response> =>
    world.get('/v1/sitemaps/une.xml', undefined, since ? { 'if-modified-since': since } : {});

  it('moves forward when the newest story is withdrawn', async () => {
    const older = story('older', { updatedAt: '2025-07-04T14:00:00.000Z' });
    const newest = story('newest', { updatedAt: '2025-07-04T14:30:00.000Z' });
    await world.publish([older, newest]);
    await world.caughtUp();
    const before = (await sitemap()).headers.get('last-modified') ?? '';
    expect(before).toBe(new Date(newest.updatedAt).toUTCString());

    world.clock.set('2025-07-04T15:10:00.000Z');
    await world.publish([
      nextVersion(newest, 35, { change: 'withdrawn', withdrawnAt: '2025-07-04T15:05:00.000Z' }),
    ]);
    await world.caughtUp();
    const after = await sitemap(before);
    expect(after.status).toBe(200);
    const listed = await after.text();
    expect(listed).toContain(older.canonicalUrl);
    expect(listed).not.toContain(newest.canonicalUrl);
    expect(after.headers.get('last-modified')).toBe(
      new Date('2025-07-04T15:05:00.000Z').toUTCString(),
    );
  });

  it('moves forward when the newest-updated story leaves the 48 hours', async () => {
    const leaving = story('leaving', {
      firstPublishedAt: '2025-07-03T14:00:00.000Z',
      updatedAt: '2025-07-04T14:50:00.000Z',
    });
    const staying = story('staying', {
      firstPublishedAt: '2025-07-04T10:00:00.000Z',
      updatedAt: '2025-07-04T10:00:00.000Z',
    });
    await world.publish([leaving, staying]);
    await world.caughtUp();
    const before = (await sitemap()).headers.get('last-modified') ?? '';
    expect(before).toBe(new Date(leaving.updatedAt).toUTCString());

    world.clock.set('2025-07-05T14:01:00.000Z');
    await world.caughtUp();
    const after = await sitemap(before);
    expect(after.status).toBe(200);
    const listed = await after.text();
    expect(listed).toContain(staying.canonicalUrl);
    expect(listed).not.toContain(leaving.canonicalUrl);
    expect(after.headers.get('last-modified')).toBe(
      new Date('2025-07-05T14:00:00.000Z').toUTCString(),
    );
  });
});
