import type { Article } from '@depeche/article';
import { sampleEntitlement } from '@depeche/testing';
import { changesPage } from './changes-client';
import { DATABASES, FeedApiWorld } from './feed-api-harness';
import { jsonFeedIds, nextVersion, story } from './stories';

const T0 = new Date('2025-07-04T15:00:00.000Z');

const at = (id: string, minutesBefore: number, fields: Partial<Article> = {}): Article => {
  const time = new Date(T0.getTime() - minutesBefore * 60_000).toISOString();
  return story(id, { firstPublishedAt: time, updatedAt: time, ...fields });
};

/**
 * A story that leaves a partner's entitlement (another section, rights expired) while the partner
 * holds an earlier version: without a change saying so, the partner keeps showing what it may no
 * longer show. The change stream says `revoked`, to that partner only, once.
 */
describe.each(DATABASES)('a story leaving an entitlement, on %s', (_name, createDatabase) => {
  let world: FeedApiWorld;
  let international: string;
  let culture: string;
  const moved = at('moved', 60);
  const expiring = at('expiring', 50);
  const embargoed = at('embargoed-later', 40);
  const neverSeen = at('never-seen', 30, { sections: ['culture'] });

  beforeAll(async () => {
    world = await FeedApiWorld.create(await createDatabase(), T0);
    international = await world.partner('intl', sampleEntitlement(), { all: {} });
    culture = await world.partner('arts', sampleEntitlement({ sections: ['culture'] }), {
      all: {},
    });
    await world.publish([moved, expiring, embargoed, neverSeen]);
    await world.publish([
      nextVersion(moved, 5, { sections: ['culture'] }),
      nextVersion(expiring, 5, {
        rights: { ...expiring.rights, expiresAt: new Date(T0.getTime() - 60_000).toISOString() },
      }),
      // Embargoed again until tomorrow: hidden for now, but not gone.
      nextVersion(embargoed, 5, { embargoUntil: '2025-07-05T15:00:00.000Z' }),
      nextVersion(neverSeen, 5, { sections: ['sport'] }),
    ]);
    await world.caughtUp();
  });

  afterAll(() => world.cleanup());

  const changesOf = async (key: string): Promise<[string, number, string][]> =>
    (await changesPage(world, key)).changes.map((c) => [c.id, c.version, c.change]);

  it('tells the partner that held it, once, as revoked', async () => {
    expect(await changesOf(international)).toEqual([
      ['moved', 1, 'published'],
      ['expiring', 1, 'published'],
      ['embargoed-later', 1, 'published'],
      ['moved', 2, 'revoked'],
      ['expiring', 2, 'revoked'],
    ]);
    // The feeds had already let them go (and the re-embargoed one waits for its lift there).
    expect(await jsonFeedIds(await world.get('/v1/feeds/all.json', international))).toEqual([]);
  });

  it('shows the story to the partner it entered as an ordinary change, and nothing of one it never held', async () => {
    expect(await changesOf(culture)).toEqual([
      ['never-seen', 1, 'published'],
      ['moved', 2, 'updated'],
      ['never-seen', 2, 'revoked'],
    ]);
  });
});
