import { sampleEntitlement } from '@depeche/testing';
import { DATABASES, FeedApiWorld } from './feed-api-harness';
import { changesPage } from './changes-client';
import { jsonFeedIds, nextVersion, story } from './stories';

const T0 = new Date('2025-07-04T15:00:00.000Z');

describe.each(DATABASES)('withdrawal and correction on %s', (_name, createDatabase) => {
  let world: FeedApiWorld;
  let key: string;
  const kept = story('kept', {
    updatedAt: '2025-07-04T14:00:00.000Z',
    firstPublishedAt: '2025-07-04T14:00:00.000Z',
  });
  const doomed = story('doomed', {
    updatedAt: '2025-07-04T14:10:00.000Z',
    firstPublishedAt: '2025-07-04T14:10:00.000Z',
  });

  beforeAll(async () => {
    world = await FeedApiWorld.create(await createDatabase(), T0);
    key = await world.partner('partner', sampleEntitlement(), { all: {} });
    await world.publish([kept, doomed]);
    await world.caughtUp();
  });

  afterAll(() => world.cleanup());

  it('takes a withdrawn story out of every feed at once, and serves its canceled state', async () => {
    // Feeds cached before the withdrawal are the ones that must change.
    for (const ext of ['json', 'rss', 'atom', 'xml']) {
      expect((await world.get(`/v1/feeds/all.${ext}`, key)).status).toBe(200);
    }
    const withdrawn = nextVersion(doomed, 5, {
      change: 'withdrawn',
      withdrawnAt: '2025-07-04T14:15:00.000Z',
    });
    await world.publish([withdrawn]);
    await world.caughtUp();
    expect(await jsonFeedIds(await world.get('/v1/feeds/all.json', key))).toEqual([kept.guid]);
    const rss = await (await world.get('/v1/feeds/all.rss', key)).text();
    expect(rss).not.toContain(doomed.guid);
    // Atom keeps an RFC 6721 tombstone; NewsML-G2 carries only what the partner may show.
    const atom = await (await world.get('/v1/feeds/all.atom', key)).text();
    expect(atom).not.toContain('<title>Headline of doomed</title>');
    const newsml = await (await world.get('/v1/items/doomed?format=newsml', key)).text();
    expect(newsml).toContain('stat:canceled');
    const ninjs = (await (await world.get('/v1/items/doomed?format=ninjs', key)).json()) as {
      pubStatus: string;
      bodies?: unknown;
    };
    expect(ninjs.pubStatus).toBe('canceled');
    expect(ninjs.bodies).toBeUndefined();
    // Its earlier version is not served any more: a withdrawn story is not to be republished.
    expect((await world.get('/v1/items/doomed/versions/1?format=ninjs', key)).status).toBe(410);
    const changes = await changesPage(world, key);
    expect(changes.changes.map((c) => [c.id, c.version, c.change])).toEqual([
      ['kept', 1, 'published'],
      ['doomed', 1, 'published'],
      ['doomed', 2, 'withdrawn'],
    ]);
  });

  it('signals a correction with its version, and keeps the previous version reachable', async () => {
    const corrected = nextVersion(kept, 30, {
      change: 'corrected',
      headline: 'Headline of kept, corrected',
      correctionNote: 'The first version misspelled a name.',
    });
    await world.publish([corrected]);
    await world.caughtUp();
    const feed = (await (await world.get('/v1/feeds/all.json', key)).json()) as {
      items: { id: string; title: string }[];
    };
    expect(feed.items.map((i) => [i.id, i.title])).toEqual([
      [kept.guid, 'Headline of kept, corrected'],
    ]);
    const ninjs = (await (await world.get('/v1/items/kept?format=ninjs', key)).json()) as {
      version: string;
      edNote?: string;
    };
    expect(ninjs).toMatchObject({ version: '2', edNote: 'The first version misspelled a name.' });
    const newsml = await (await world.get('/v1/items/kept?format=newsml', key)).text();
    expect(newsml).toContain('version="2"');
    const first = (await (
      await world.get('/v1/items/kept/versions/1?format=ninjs', key)
    ).json()) as {
      version: string;
      headlines: { value: string }[];
    };
    expect(first.version).toBe('1');
    expect(first.headlines[0]?.value).toBe('Headline of kept');
    const changes = await changesPage(world, key);
    expect(changes.changes.at(-1)).toMatchObject({ id: 'kept', version: 2, change: 'corrected' });
  });

  it('hides every version once the story as it stands is out of the partner’s rights', async () => {
    const lapsing = story('lapsing', {
      updatedAt: '2025-07-04T14:20:00.000Z',
      firstPublishedAt: '2025-07-04T14:20:00.000Z',
    });
    await world.publish([lapsing]);
    await world.caughtUp();
    expect((await world.get('/v1/items/lapsing/versions/1?format=ninjs', key)).status).toBe(200);
    // v2 says the rights expired: the current item and the first version alike are gone.
    const expired = nextVersion(lapsing, 5, {
      rights: { ...lapsing.rights, expiresAt: '2025-07-04T14:30:00.000Z' },
    });
    await world.publish([expired]);
    await world.caughtUp();
    expect((await world.get('/v1/items/lapsing?format=ninjs', key)).status).toBe(404);
    expect((await world.get('/v1/items/lapsing/versions/1?format=ninjs', key)).status).toBe(404);
  });

  it('links each item representation to the URL it was asked at', async () => {
    const selfOf = async (path: string): Promise<string | undefined> =>
      ((await (await world.get(path, key)).json()) as { feed_url?: string }).feed_url;
    const current = await selfOf('/v1/items/kept?format=json');
    const version = await selfOf('/v1/items/kept/versions/2?format=json');
    // With the format: the bare URL is NewsML-G2, which a partner may not be entitled to.
    expect(current).toMatch(/\/v1\/items\/kept\?format=json$/);
    expect(version).toMatch(/\/v1\/items\/kept\/versions\/2\?format=json$/);
    const { pathname, search } = new URL(version ?? '');
    const followed = await world.get(pathname + search, key);
    expect(followed.status).toBe(200);
    expect(followed.headers.get('link')).toBe(`<${version}>; rel="self"`);
  });
});
