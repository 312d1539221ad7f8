import type { Article } from '@depeche/article';
import { readFeedEntries, sampleEntitlement, validateAtom } from '@depeche/testing';
import { DATABASES, FeedApiWorld } from './feed-api-harness';
import { nextVersion, story } from './stories';

const T0 = new Date('2025-07-05T09:00:00.000Z');
const BASE = 'http://feeds.test';

function at(id: string, time: string): Article {
  return story(id, { firstPublishedAt: time, updatedAt: time });
}

/** Two closed days and five stories of the day still open at T0. */
const EARLIER = [
  at('d3-a', '2025-07-03T08:00:00.000Z'),
  at('d4-a', '2025-07-04T10:00:00.000Z'),
  at('d4-b', '2025-07-04T16:00:00.000Z'),
  ...['07:00', '07:10', '07:20', '07:30', '07:40'].map((time, i) =>
    at(`d5-${i}`, `2025-07-05T${time}:00.000Z`),
  ),
];
/** Published after a client's first read, all on the open day. */
const LATER = ['08:10', '08:20', '08:30'].map((time, i) =>
  at(`d5-late-${i}`, `2025-07-05T${time}:00.000Z`),
);

interface Page {
  readonly ids: string[];
  readonly prevArchive?: string;
  readonly current?: string;
  readonly archived: boolean;
}

/** An RSS 5005 client's reading of an Atom document: entry ids (by feedparser) and its links. */
async function read(world: FeedApiWorld, key: string, url: string): Promise<Page> {
  const response = await world.get(url.slice(BASE.length), key);
  expect(response.status).toBe(200);
  const body = Buffer.from(await response.arrayBuffer());
  const text = body.toString('utf8');
  const link = (rel: string): string | undefined =>
    new RegExp(`<link rel="${rel}" href="([^"]+)"/>`).exec(text)?.[1]?.replace(/&amp;/g, '&');
  const reading = await readFeedEntries(body);
  return {
    ids: reading.entries.map((entry) => entry.id ?? ''),
    prevArchive: link('prev-archive'),
    current: link('current'),
    archived: text.includes('<fh:archive'),
  };
}

/**
 * RFC 5005 §4's client: the subscription document, then prev-archive links until a page it has
 * already read (or none); returns the ids it saw and the archive URLs it read.
 */
async function sync(
  world: FeedApiWorld,
  key: string,
  seenPages: Set<string>,
): Promise<Set<string>> {
  const ids = new Set<string>();
  let page = await read(world, key, `${BASE}/v1/feeds/all.atom?limit=2`);
  for (;;) {
    page.ids.forEach((id) => ids.add(id));
    const previous = page.prevArchive;
    if (previous === undefined || seenPages.has(previous)) return ids;
    seenPages.add(previous);
    page = await read(world, key, previous);
    expect(page.archived).toBe(true);
    expect(page.current).toBe(`${BASE}/v1/feeds/all.atom`);
  }
}

describe.each(DATABASES)('RFC 5005 archives on %s', (_name, createDatabase) => {
  let world: FeedApiWorld;
  let key: string;

  beforeAll(async () => {
    world = await FeedApiWorld.create(await createDatabase(), T0);
    key = await world.partner('partner', sampleEntitlement(), { all: {} });
    await world.publish(EARLIER);
    await world.caughtUp();
  });

  afterAll(() => world.cleanup());

  it('give a client that stops at pages it has read every story, before and after new ones', async () => {
    const seenPages = new Set<string>();
    const first = await sync(world, key, seenPages);
    expect([...first].sort()).toEqual(EARLIER.map((s) => s.guid).sort());
    // The open day's page is bounded by its newest story: the URL names a set that stays put.
    const openPage = [...seenPages].find((url) => url.includes('/2025-07-05.atom'));
    expect(openPage).toBe(
      `${BASE}/v1/feeds/all/archive/2025-07-05.atom?upto=2025-07-05T07%3A40%3A00.000Z`,
    );

    await world.publish(LATER);
    await world.caughtUp();
    // Two stories fit in the subscription document: the first of LATER is only in an archive.
    const second = await sync(world, key, seenPages);
    const all = new Set([...first, ...second]);
    expect([...all].sort()).toEqual([...EARLIER, ...LATER].map((s) => s.guid).sort());
    const again = await read(world, key, openPage ?? '');
    expect(again.ids.sort()).toEqual(
      EARLIER.filter((s) => s.id.startsWith('d5-'))
        .map((s) => s.guid)
        .sort(),
    );
    accepted(
      await validateAtom(
        Buffer.from(await (await world.get(openPage?.slice(BASE.length) ?? '', key)).arrayBuffer()),
      ),
    );
  });

  it('serve a day that is over whole, whatever bound is asked, and no bound that names no story', async () => {
    // Only bounds a subscription document links to make pages: anything else is not a cache entry.
    const whole = await read(
      world,
      key,
      `${BASE}/v1/feeds/all/archive/2025-07-04.atom?upto=2025-07-04T10:00:00.000Z`,
    );
    expect(whole.ids.sort()).toEqual([EARLIER[1], EARLIER[2]].map((s) => s?.guid).sort());
    const unnamed = await world.get(
      '/v1/feeds/all/archive/2025-07-05.atom?upto=2025-07-05T07:05:00.000Z',
      key,
    );
    expect(unnamed.status).toBe(404);
    expect(unnamed.headers.get('content-type')).toContain('application/problem+json');
  });

  it('date a page by the withdrawal of a story that leaves it', async () => {
    const page = '/v1/feeds/all/archive/2025-07-04.atom';
    const before = (await world.get(page, key)).headers.get('last-modified');
    expect(before).toBe(new Date('2025-07-04T16:00:00.000Z').toUTCString());
    world.clock.set('2025-07-05T09:30:00.000Z');
    const withdrawn = nextVersion(EARLIER[2] as Article, 17 * 60 + 30, {
      change: 'withdrawn',
      withdrawnAt: '2025-07-05T09:30:00.000Z',
    });
    await world.publish([withdrawn]);
    await world.caughtUp();
    const after = await world.get(page, key);
    expect(after.headers.get('last-modified')).toBe(
      new Date('2025-07-05T09:30:00.000Z').toUTCString(),
    );
    expect(await after.text()).not.toContain('<title>Headline of d4-b</title>');
  });

  it.each([
    ['a time on another day', '2025-07-05.atom?upto=2025-07-04T10:00:00.000Z'],
    ['no time at all', '2025-07-05.atom?upto=yesterday'],
  ])('refuse an upto that is %s with a problem document', async (_what, file) => {
    const response = await world.get(`/v1/feeds/all/archive/${file}`, key);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});

function accepted(verdict: { ok: boolean; output: string }): void {
  if (!verdict.ok) throw new Error(verdict.output);
  expect(verdict.ok).toBe(true);
}
