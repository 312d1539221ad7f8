import { createSqliteTestDatabase, sampleEntitlement } from '@depeche/testing';
import { request } from 'node:http';
import { FeedFrontDoor } from '../src/feeds/feed-front-door';
import { FeedApiWorld } from './feed-api-harness';
import { story } from './stories';

const T0 = new Date('2025-07-04T15:00:00.000Z');

interface Wire {
  readonly status: number;
  /** Every header as sent, in order, Date left out (it is the only one the clock writes). */
  readonly headers: readonly string[];
  readonly body: Buffer;
}

/** One request on a fresh connection, read as it came over the wire. */
function wire(base: string, path: string, headers: Record<string, string>, method = 'GET') {
  return new Promise<Wire>((resolve, reject) => {
    const req = request(base + path, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const sent: string[] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          const name = res.rawHeaders[i] ?? '';
          if (name.toLowerCase() !== 'date') sent.push(`${name}: ${res.rawHeaders[i + 1]}`);
        }
        resolve({ status: res.statusCode ?? 0, headers: sent, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * The front door answers a cached feed before Fastify routes it. What a partner gets must not
 * depend on which door answered: the same status, headers and bytes, the same refusals, the same
 * rate limit. `?limit=050` is the same feed, but not written plainly, so Fastify and the route
 * answer it: the reference.
 */
describe('the feed front door', () => {
  let world: FeedApiWorld;
  let key: string;
  let rssOnly: string;
  let answered: boolean[];

  beforeAll(async () => {
    world = await FeedApiWorld.create(createSqliteTestDatabase(), T0, {
      FEED_API_RATE_BURST: '1000',
    });
    key = await world.partner('partner', sampleEntitlement(), {
      all: {},
      none: { sections: ['x'] },
    });
    rssOnly = await world.partner('rss-only', sampleEntitlement({ formats: ['rss'] }), { all: {} });
    await world.partners.defineChannel({
      slug: 'une',
      title: 'À la une',
      filter: { sections: [], keywords: [], languages: [] },
    });
    await world.publish([story('first'), story('second')]);
    await world.caughtUp();
    const door = world.app.get(FeedFrontDoor);
    const serve = door.serve.bind(door);
    jest.spyOn(door, 'serve').mockImplementation((req, res) => {
      const served = serve(req, res);
      answered.push(served);
      return served;
    });
  });

  beforeEach(() => (answered = []));

  afterAll(() => world.cleanup());

  const partner = (): Record<string, string> => ({ authorization: `Bearer ${key}` });

  it.each([
    ['a partner, 200 identity', '/v1/feeds/all.rss', { 'accept-encoding': 'identity' }],
    ['a partner, 200 gzip', '/v1/feeds/all.atom', { 'accept-encoding': 'gzip' }],
    ['a partner, 200 brotli', '/v1/feeds/all.json', { 'accept-encoding': 'br, gzip' }],
    ['a partner, NewsML-G2', '/v1/feeds/all.xml', { 'accept-encoding': 'gzip' }],
    ['the public, 200 gzip', '/v1/feeds/une.rss', { 'accept-encoding': 'gzip' }],
  ])('gives %s the same answer as the route', async (_case, path, headers) => {
    const asPartner = path.includes('/all.');
    const sent = { ...(asPartner ? partner() : {}), ...headers };
    await wire(world.url, path, sent); // the first request of a feed builds it, through the route
    answered = [];
    const door = await wire(world.url, path, sent);
    const route = await wire(world.url, `${path}?limit=050`, sent);
    expect(answered).toEqual([true, false]);
    expect(door.status).toBe(200);
    expect(door).toEqual(route);
    expect(door.headers).toContainEqual(expect.stringMatching(/^content-length: [1-9]\d*$/));

    const etag = door.headers.find((h) => h.startsWith('etag: '))?.slice(6) ?? '';
    const lastModified = door.headers.find((h) => h.startsWith('last-modified: '))?.slice(15);
    const conditionals: Record<string, string>[] = [
      { 'if-none-match': etag },
      { 'if-modified-since': lastModified ?? '' },
    ];
    for (const conditional of conditionals) {
      answered = [];
      const door304 = await wire(world.url, path, { ...sent, ...conditional });
      const route304 = await wire(world.url, `${path}?limit=050`, { ...sent, ...conditional });
      expect(answered).toEqual([true, false]);
      expect(door304.status).toBe(304);
      expect(door304).toEqual(route304);
    }
  });

  it('gives an empty NewsML-G2 pull the same 204 as the route', async () => {
    await wire(world.url, '/v1/feeds/none.xml', partner());
    answered = [];
    const door = await wire(world.url, '/v1/feeds/none.xml', partner());
    const route = await wire(world.url, '/v1/feeds/none.xml?limit=050', partner());
    expect(answered).toEqual([true, false]);
    expect(door.status).toBe(204);
    expect(door).toEqual(route);
  });

  it('leaves a format outside the entitlement to the route, after serving the ones inside', async () => {
    const headers = { authorization: `Bearer ${rssOnly}` };
    await wire(world.url, '/v1/feeds/all.rss', headers);
    await wire(world.url, '/v1/feeds/all.atom', headers);
    answered = [];
    const rss = await wire(world.url, '/v1/feeds/all.rss', headers);
    const atom = await wire(world.url, '/v1/feeds/all.atom', headers);
    expect(answered).toEqual([true, false]);
    expect([rss.status, atom.status]).toEqual([200, 403]);
  });

  it('answers a plain limit itself, the same as the route does', async () => {
    const sent = { ...partner(), 'accept-encoding': 'gzip' };
    await wire(world.url, '/v1/feeds/all.rss?limit=1', sent);
    answered = [];
    const door = await wire(world.url, '/v1/feeds/all.rss?limit=1', sent);
    const route = await wire(world.url, '/v1/feeds/all.rss?limit=01', sent);
    expect(answered).toEqual([true, false]);
    expect(door).toEqual(route);
  });

  it.each([
    ['a wrong key', '/v1/feeds/all.rss', { authorization: 'Bearer wrong' }, 401],
    ['a channel the partner lacks', '/v1/feeds/nope.rss', 'partner', 403],
    ['the public on a partner channel', '/v1/feeds/all.rss', {}, 401],
    ['a limit out of range', '/v1/feeds/all.rss?limit=201', 'partner', 400],
    ['another parameter', '/v1/feeds/all.rss?limit=5&x=1', 'partner', 200],
    ['an unknown format', '/v1/feeds/all.pdf', 'partner', 400],
    ['a percent-escape', '/v1/feeds/%61ll.rss', 'partner', 200],
  ] as const)('leaves %s to the route', async (_case, path, who, status) => {
    const headers = who === 'partner' ? partner() : who;
    await wire(world.url, path, headers);
    answered = [];
    const response = await wire(world.url, path, headers);
    expect(answered).toEqual([false]);
    expect(response.status).toBe(status);
  });

  it('leaves HEAD to the route', async () => {
    const response = await wire(world.url, '/v1/feeds/all.rss', partner(), 'HEAD');
    expect(answered).toEqual([false]);
    expect(response.status).toBe(200);
    expect(response.body.length).toBe(0);
  });

  // Last: it closes the door for the rest of this world.
  it('leaves everything to Fastify once shutdown has begun (Fastify drains and sheds load)', async () => {
    await wire(world.url, '/v1/feeds/all.rss', partner());
    world.app.get(FeedFrontDoor).beforeApplicationShutdown();
    answered = [];
    const response = await wire(world.url, '/v1/feeds/all.rss', partner());
    expect(answered).toEqual([false]);
    expect(response.status).toBe(200);
  });
});

describe('the feed front door and the rate limit', () => {
  it('takes one token per request whichever door answers, and leaves the 429 to the route', async () => {
    const world = await FeedApiWorld.create(createSqliteTestDatabase(), T0, {
      FEED_API_RATE_BURST: '3',
      FEED_API_RATE_PER_SECOND: '1',
    });
    try {
      const key = await world.partner('partner', sampleEntitlement(), { all: {} });
      await world.publish([story('first')]);
      await world.caughtUp();
      const door = world.app.get(FeedFrontDoor);
      const serve = door.serve.bind(door);
      const answered: boolean[] = [];
      jest.spyOn(door, 'serve').mockImplementation((req, res) => {
        const served = serve(req, res);
        answered.push(served);
        return served;
      });
      const headers = { authorization: `Bearer ${key}` };
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        statuses.push((await wire(world.url, '/v1/feeds/all.rss', headers)).status);
      }
      // The clock stands still: three tokens, three answers, then the route's 429s.
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect(answered).toEqual([false, true, true, false, false]);
    } finally {
      await world.cleanup();
    }
  });
});
