import {
  checkFeed,
  checkWellFormed,
  createSqliteTestDatabase,
  readFeedEntries,
  validateAtom,
  validateJsonFeed,
  validateNewsml,
  validateNinjs,
  type OracleVerdict,
  sampleEntitlement,
} from '@depeche/testing';
import { FeedApiWorld } from './feed-api-harness';
import { story } from './stories';

const T0 = new Date('2025-07-05T09:00:00.000Z');

/** Two days of stories, so the feed links to archive pages and one page links to the other. */
const stories = [
  story('day1-a', {
    firstPublishedAt: '2025-07-03T08:00:00.000Z',
    updatedAt: '2025-07-03T08:00:00.000Z',
  }),
  story('day1-b', {
    firstPublishedAt: '2025-07-03T18:00:00.000Z',
    updatedAt: '2025-07-03T18:00:00.000Z',
  }),
  story('day2-a', {
    firstPublishedAt: '2025-07-04T10:00:00.000Z',
    updatedAt: '2025-07-04T10:00:00.000Z',
  }),
  story('day3-a', {
    firstPublishedAt: '2025-07-05T07:00:00.000Z',
    updatedAt: '2025-07-05T07:00:00.000Z',
  }),
];

function accepted(verdict: OracleVerdict): void {
  if (!verdict.ok) throw new Error(verdict.output);
  expect(verdict.ok).toBe(true);
}

describe('documents served over HTTP, judged by the independent validators', () => {
  let world: FeedApiWorld;
  let key: string;

  beforeAll(async () => {
    world = await FeedApiWorld.create(createSqliteTestDatabase(), T0);
    key = await world.partner('partner', sampleEntitlement(), { all: {} });
    await world.partners.defineChannel({
      slug: 'une',
      title: 'À la une',
      filter: { sections: [], keywords: [], languages: [] },
      language: 'fr',
    });
    await world.publish(stories);
    await world.caughtUp();
  });

  afterAll(() => world.cleanup());

  const body = async (path: string): Promise<Buffer> => {
    const response = await world.get(path, key);
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };

  it('serves an RSS feed feedparser reads without complaint, every story in it', async () => {
    const rss = await body('/v1/feeds/all.rss');
    const verdict = await checkFeed(rss);
    accepted(verdict);
    expect(verdict.check.entries).toBe(4);
    const reading = await readFeedEntries(rss);
    expect(reading.entries.map((e) => e.id)).toEqual([...stories].reverse().map((s) => s.guid));
  });

  it('serves an Atom feed valid by the RFC 4287 grammar and read by feedparser', async () => {
    const atom = await body('/v1/feeds/all.atom');
    accepted(await validateAtom(atom));
    accepted(await checkFeed(atom));
  });

  it('serves a JSON Feed valid by the JSON Feed 1.1 schema', async () => {
    accepted(await validateJsonFeed(await body('/v1/feeds/all.json')));
  });

  it('serves a NewsML-G2 newsMessage and items valid by the IPTC schema, and ninjs items', async () => {
    accepted(
      await validateNewsml(
        await body('/v1/feeds/all.xml'),
        await body('/v1/items/day2-a?format=newsml'),
      ),
    );
    accepted(await validateNinjs(await body('/v1/items/day2-a?format=ninjs')));
    accepted(await validateAtom(await body('/v1/items/day2-a?format=atom')));
    accepted(await validateJsonFeed(await body('/v1/items/day2-a?format=json')));
  });

  it('links the feed to RFC 5005 archive pages, each marked fh:archive and valid', async () => {
    const atom = (await body('/v1/feeds/all.atom')).toString('utf8');
    // The newest page is today's, bounded by its newest story while the day is open; each page
    // points to the previous day that has stories.
    expect(atom).toContain(
      '<link rel="prev-archive" href="http://feeds.test/v1/feeds/all/archive/2025-07-05.atom?upto=2025-07-05T07%3A00%3A00.000Z"/>',
    );
    const today = await body('/v1/feeds/all/archive/2025-07-05.atom?upto=2025-07-05T07:00:00.000Z');
    expect(today.toString('utf8')).toContain(
      '<fh:archive xmlns:fh="http://purl.org/syndication/history/1.0"/>',
    );
    expect(today.toString('utf8')).toContain(
      'href="http://feeds.test/v1/feeds/all/archive/2025-07-04.atom"',
    );
    accepted(await validateAtom(today));
    const oldest = await body('/v1/feeds/all/archive/2025-07-03.atom');
    accepted(await validateAtom(oldest));
    accepted(await checkFeed(oldest));
    expect(oldest.toString('utf8')).not.toContain('prev-archive');
    const reading = await readFeedEntries(oldest);
    expect(reading.entries.map((e) => e.id)).toEqual([stories[1]?.guid, stories[0]?.guid]);
    const rssPage = await body('/v1/feeds/all/archive/2025-07-04.rss');
    accepted(await checkFeed(rssPage));
    expect(rssPage.toString('utf8')).toContain('<fh:archive');
    expect((await world.get('/v1/feeds/all/archive/2025-07-01.atom', key)).status).toBe(404);
  });

  it('serves a Google News sitemap of the public channel: well-formed, last 48 hours', async () => {
    const response = await world.get('/v1/sitemaps/une.xml');
    expect(response.status).toBe(200);
    const xml = Buffer.from(await response.arrayBuffer());
    accepted(await checkWellFormed(xml));
    const text = xml.toString('utf8');
    // 2025-07-03T08:00 is more than 48 h before the clock (2025-07-05T09:00); the other three are in.
    expect(text.match(/<url>/g)).toHaveLength(3);
    expect(text).not.toContain('day1-a');
    expect(text).toContain('<news:name>webradio media</news:name>');
    expect(text).toContain('<news:language>fr</news:language>');
    expect(text).toContain(
      '<news:publication_date>2025-07-05T07:00:00.000Z</news:publication_date>',
    );
    expect((await world.get('/v1/sitemaps/all.xml')).status).toBe(404);
  });
});
