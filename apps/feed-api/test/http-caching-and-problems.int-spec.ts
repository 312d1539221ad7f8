import { createSqliteTestDatabase, sampleEntitlement } from '@depeche/testing';
import { get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { FeedApiWorld } from './feed-api-harness';
import { jsonFeedIds, nextVersion, story } from './stories';

const T0 = new Date('2025-07-04T15:00:00.000Z');
const first = story('first', { updatedAt: '2025-07-04T14:00:00.000Z' });

describe('HTTP behaviour of the feed API', () => {
  let world: FeedApiWorld;
  let key: string;

  beforeAll(async () => {
    world = await FeedApiWorld.create(createSqliteTestDatabase(), T0);
    key = await world.partner('partner', sampleEntitlement(), { all: {} });
    await world.partners.defineChannel({
      slug: 'une',
      title: 'À la une',
      filter: { sections: [], keywords: [], languages: [] },
    });
    await world.publish([first]);
    await world.caughtUp();
  });

  afterAll(() => world.cleanup());

  it('answers 304 to If-None-Match and If-Modified-Since while the feed is unchanged', async () => {
    const response = await world.get('/v1/feeds/all.rss', key, { 'accept-encoding': 'identity' });
    const etag = response.headers.get('etag') ?? '';
    const lastModified = response.headers.get('last-modified') ?? '';
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    expect(lastModified).toBe(new Date(first.updatedAt).toUTCString());
    expect((await world.get('/v1/feeds/all.rss', key, { 'if-none-match': etag })).status).toBe(304);
    expect(
      (await world.get('/v1/feeds/all.rss', key, { 'if-modified-since': lastModified })).status,
    ).toBe(304);
    // A change makes the old validators stale: the next conditional GET gets the new bytes.
    await world.publish([nextVersion(first, 10)]);
    await world.caughtUp();
    const changed = await world.get('/v1/feeds/all.rss', key, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    const since = await world.get('/v1/feeds/all.rss', key, { 'if-modified-since': lastModified });
    expect(since.status).toBe(200);
  });

  it('sends the precompressed bytes the client accepts, each with its own ETag', async () => {
    const plain = await wire(world.url, '/v1/feeds/all.atom', key, 'identity');
    const gzip = await wire(world.url, '/v1/feeds/all.atom', key, 'gzip');
    const br = await wire(world.url, '/v1/feeds/all.atom', key, 'br, gzip;q=0.5');
    expect([plain.encoding, gzip.encoding, br.encoding]).toEqual([undefined, 'gzip', 'br']);
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(new Set([plain.etag, gzip.etag, br.etag]).size).toBe(3);
    // Any of them validates: they are the same content.
    const revalidated = await world.get('/v1/feeds/all.atom', key, {
      'if-none-match': gzip.etag ?? '',
      'accept-encoding': 'identity',
    });
    expect(revalidated.status).toBe(304);
  });

  it('says who may cache what, and where the hub is', async () => {
    const partner = await world.get('/v1/feeds/all.atom', key);
    expect(partner.headers.get('cache-control')).toBe('private, max-age=0, must-revalidate');
    expect(partner.headers.get('vary')).toBe('Accept-Encoding, Authorization, X-API-Key');
    expect(partner.headers.get('link')).toBe(
      '<http://127.0.0.1:3002/websub>; rel="hub", <http://feeds.test/v1/feeds/all.atom>; rel="self"',
    );
    const atom = await partner.text();
    expect(atom).toContain('<link rel="hub" href="http://127.0.0.1:3002/websub"/>');
    const open = await world.get('/v1/feeds/une.atom');
    expect(open.status).toBe(200);
    expect(open.headers.get('cache-control')).toBe('public, max-age=30');
  });

  it.each([
    ['/v1/changes?cursor=not-a-cursor', 400, 'urn:depeche:problem:bad-cursor'],
    [
      `/v1/changes?cursor=${Buffer.from('c1.-4').toString('base64url')}`,
      400,
      'urn:depeche:problem:bad-cursor',
    ],
    ['/v1/feeds/all.pdf', 400, 'urn:depeche:problem:bad-parameter'],
    ['/v1/feeds/all.rss?limit=-1', 400, 'urn:depeche:problem:bad-parameter'],
    ['/v1/feeds/all.rss?limit=201', 400, 'urn:depeche:problem:bad-parameter'],
    ['/v1/feeds/all.rss?limit=ten', 400, 'urn:depeche:problem:bad-parameter'],
    ['/v1/items/first?format=pdf', 400, 'urn:depeche:problem:bad-parameter'],
    ['/v1/feeds/all/archive/2025-02-30.rss', 400, 'urn:depeche:problem:bad-parameter'],
    ['/v1/feeds/all/archive/2025-13-01.rss', 400, 'urn:depeche:problem:bad-parameter'],
    ['/v1/changes?wait=31', 400, 'urn:depeche:problem:bad-parameter'],
    ['/v1/items/nothing-here', 404, 'about:blank'],
    ['/v1/no-such-route', 404, 'about:blank'],
    // Percent-encodings that decode to no UTF-8: refused by Fastify's router itself (FST_ERR_BAD_URL).
    ['/v1/items/%E0%A4%A', 400, 'about:blank'],
    ['/v1/feeds/%E0%A4%A.rss', 400, 'about:blank'],
  ])('answers %s with a %i problem+json', async (path, status, type) => {
    const response = await world.get(path, key);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as { type: string; status: number; title: string };
    expect(problem).toMatchObject({ type, status });
    expect(problem.title.length).toBeGreaterThan(0);
  });

  it('answers 401 as problem+json without a key on partner endpoints', async () => {
    const response = await world.get('/v1/changes');
    expect(response.status).toBe(401);
    expect(((await response.json()) as { type: string }).type).toBe(
      'urn:depeche:problem:unauthenticated',
    );
  });
});

/**
 * If-Modified-Since alone (many feed readers send no If-None-Match): a story that leaves the feed or
 * enters it at its embargo's lift changes the content without a newer version among the stories
 * carried, and Last-Modified must still move forward, or the client is told 304 over new content.
 */
describe('Last-Modified when a story leaves or enters the feed with no newer version', () => {
  const T = new Date('2025-07-04T15:00:00.000Z');
  let world: FeedApiWorld;
  let key: string;

  beforeEach(async () => {
    world = await FeedApiWorld.create(createSqliteTestDatabase(), T);
    key = await world.partner('partner', sampleEntitlement(), { all: {} });
  });

  afterEach(() => world.cleanup());

  async function fetchFeed(since?: string): Promise<Response> {
    return world.get('/v1/feeds/all.json', key, since ? { 'if-modified-since': since } : {});
  }

  it('moves forward when the newest story is withdrawn', async () => {
    const older = story('older', { updatedAt: '2025-07-04T14:00:00.000Z' });
    const newest = story('newest', { updatedAt: '2025-07-04T14:30:00.000Z' });
    await world.publish([older, newest]);
    await world.caughtUp();
    const before = (await fetchFeed()).headers.get('last-modified') ?? '';
    expect(before).toBe(new Date(newest.updatedAt).toUTCString());

    world.clock.set('2025-07-04T15:10:00.000Z');
    await world.publish([
      nextVersion(newest, 35, { change: 'withdrawn', withdrawnAt: '2025-07-04T15:05:00.000Z' }),
    ]);
    await world.caughtUp();
    const after = await fetchFeed(before);
    expect(after.status).toBe(200);
    expect(await jsonFeedIds(after)).toEqual([older.guid]);
    expect(after.headers.get('last-modified')).toBe(
      new Date('2025-07-04T15:05:00.000Z').toUTCString(),
    );
  });

  it('moves forward when an older story comes out of its embargo', async () => {
    const open = story('open', { updatedAt: '2025-07-04T14:30:00.000Z' });
    const embargoed = story('embargoed', {
      firstPublishedAt: '2025-07-04T14:00:00.000Z',
      updatedAt: '2025-07-04T14:00:00.000Z',
      embargoUntil: '2025-07-04T15:20:00.000Z',
    });
    await world.publish([open, embargoed]);
    await world.caughtUp();
    const before = await fetchFeed();
    expect(await jsonFeedIds(before)).toEqual([open.guid]);
    const lastModified = before.headers.get('last-modified') ?? '';

    world.clock.set('2025-07-04T15:21:00.000Z');
    await world.caughtUp();
    const after = await fetchFeed(lastModified);
    expect(after.status).toBe(200);
    expect(await jsonFeedIds(after)).toEqual([open.guid, embargoed.guid]);
    expect(after.headers.get('last-modified')).toBe(
      new Date('2025-07-04T15:20:00.000Z').toUTCString(),
    );
  });
});

describe('the rate limit', () => {
  let world: FeedApiWorld;
  let key: string;
  let other: string;

  beforeAll(async () => {
    // 3 requests at once, then 1 per second; the test clock stands still, so no token comes back.
    world = await FeedApiWorld.create(createSqliteTestDatabase(), T0, {
      FEED_API_RATE_BURST: '3',
      FEED_API_RATE_PER_SECOND: '1',
    });
    key = await world.partner('partner', sampleEntitlement(), { all: {} });
    other = await world.partner('other', sampleEntitlement(), { all: {} });
    await world.caughtUp();
  });

  afterAll(() => world.cleanup());

  it('answers 429 with Retry-After once a key has spent its burst, per key', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await world.get('/v1/feeds/all.rss', key)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await world.get('/v1/feeds/all.rss', key);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(((await limited.json()) as { type: string }).type).toBe(
      'urn:depeche:problem:rate-limited',
    );
    // Another key has its own bucket.
    expect((await world.get('/v1/feeds/all.rss', other)).status).toBe(200);
    // A second later a token is back.
    world.clock.advance(1_000);
    expect((await world.get('/v1/feeds/all.rss', key)).status).toBe(200);
  });

  it('still admits a partner polling now and then from an address that sends wrong keys', async () => {
    const third = await world.partner('third', sampleEntitlement(), { all: {} });
    expect((await world.get('/v1/feeds/all.rss', third)).status).toBe(200);
    // Its cached key answer expires; meanwhile whoever shares its address (a proxy) spends every
    // wrong-key token (the test clock stands still: none comes back).
    world.clock.advance(30_000);
    const wrong: number[] = [];
    for (let i = 0; i < 11; i++) {
      wrong.push((await world.get('/v1/feeds/all.rss', `dpk_x${i}`)).status);
    }
    expect(wrong).toEqual([...Array<number>(10).fill(401), 429]);
    // The partner's next poll is read and admitted; another guess is still refused unread.
    expect((await world.get('/v1/feeds/all.rss', third)).status).toBe(200);
    expect((await world.get('/v1/feeds/all.rss', 'dpk_x11')).status).toBe(429);
  });
});

/** The bytes on the wire (fetch would decode them) and the headers that describe them. */
function wire(
  base: string,
  path: string,
  key: string,
  encoding: string,
): Promise<{ body: Buffer; encoding?: string; etag?: string }> {
  return new Promise((resolve, reject) => {
    get(
      base + path,
      { headers: { authorization: `Bearer ${key}`, 'accept-encoding': encoding } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            body: Buffer.concat(chunks),
            encoding: response.headers['content-encoding'],
            etag: response.headers.etag,
          }),
        );
      },
    ).on('error', reject);
  });
}
