import type { Article } from '@depeche/article';
import { sampleArticle, type TestDatabase, sampleEntitlement } from '@depeche/testing';
import { DATABASES, FeedApiWorld } from './feed-api-harness';
import { jsonFeedItems, story } from './stories';

/**
 * Every cell of the matrix: 3 sections × 2 languages × 3 territory rules = 18 stories, read by a
 * partner at full text, a partner at headline level and the public at summary level, over HTTP.
 * The expectations are the rules of issue 5 written out plainly here, not the library's code.
 */
const SECTIONS = ['international', 'economie', 'sport'] as const;
const LANGUAGES = ['fr', 'en'] as const;
/** none: no restriction; fr-only: allowed in FR only; no-be: denied in BE. */
const TERRITORY_RULES = {
  none: { allowed: [], denied: [] },
  'fr-only': { allowed: ['FR'], denied: [] },
  'no-be': { allowed: [], denied: ['BE'] },
} as const;
type TerritoryRule = keyof typeof TERRITORY_RULES;

interface Cell {
  readonly section: (typeof SECTIONS)[number];
  readonly language: (typeof LANGUAGES)[number];
  readonly territory: TerritoryRule;
  readonly article: Article;
}

const cells: Cell[] = SECTIONS.flatMap((section, s) =>
  LANGUAGES.flatMap((language, l) =>
    (Object.keys(TERRITORY_RULES) as TerritoryRule[]).map((territory, t) => {
      const minute = String(s * 6 + l * 3 + t).padStart(2, '0');
      return {
        section,
        language,
        territory,
        article: story(`m-${section}-${language}-${territory}`, {
          sections: [section],
          language,
          firstPublishedAt: `2025-07-04T10:${minute}:00.000Z`,
          updatedAt: `2025-07-04T10:${minute}:00.000Z`,
          ...TERRITORY_RULES[territory],
        }),
      };
    }),
  ),
);

/**
 * Partner 1 publishes in France, in French, international and economy news, full text. Every
 * territory rule admits France (allowed everywhere, allowed in FR, denied in BE only).
 */
const seenByPartner1 = (c: Cell): boolean =>
  (c.section === 'international' || c.section === 'economie') && c.language === 'fr';
/**
 * Partner 2 publishes in Belgium, any language, sport and economy news, headlines only: allowed in
 * FR only and denied in BE both exclude Belgium.
 */
const seenByPartner2 = (c: Cell): boolean =>
  (c.section === 'sport' || c.section === 'economie') && c.territory === 'none';
/** The public channel: every section, no territory restriction at all (readers are anywhere). */
const seenByPublic = (c: Cell): boolean => c.territory === 'none';

describe.each(DATABASES)('the entitlement matrix over HTTP on %s', (_name, createDatabase) => {
  let world: FeedApiWorld;
  let key1: string;
  let key2: string;

  beforeAll(async () => {
    const database: TestDatabase = await createDatabase();
    world = await FeedApiWorld.create(database, new Date('2025-07-04T12:00:00Z'));
    key1 = await world.partner(
      'partner-1',
      sampleEntitlement({
        sections: ['international', 'economie'],
        languages: ['fr'],
        territories: ['FR'],
        contentLevel: 'full',
      }),
      { all: {}, eco: { sections: ['economie'] } },
    );
    key2 = await world.partner(
      'partner-2',
      sampleEntitlement({
        sections: ['sport', 'economie'],
        languages: [],
        territories: ['BE'],
        contentLevel: 'headline',
        formats: ['rss', 'atom', 'json'],
      }),
      { all: {} },
    );
    await world.partners.defineChannel({
      slug: 'une',
      title: 'À la une',
      filter: { sections: [], keywords: [], languages: [] },
      publicLevel: 'summary',
      language: 'fr',
    });
    await world.publish(cells.map((c) => c.article));
    await world.caughtUp();
  });

  afterAll(() => world.cleanup());

  const expectFeed = async (path: string, key: string | undefined, expected: Cell[]) => {
    const response = await world.get(path, key);
    expect(response.status).toBe(200);
    const items = await jsonFeedItems(response);
    // Newest first: the cells' times grow with their index.
    expect(items.map((item) => item.id)).toEqual(
      [...expected].reverse().map((c) => c.article.guid),
    );
    return items;
  };

  it('gives partner 1 exactly its cells, at full text', async () => {
    const expected = cells.filter(seenByPartner1);
    expect(expected).toHaveLength(6); // 2 sections × French × 3 territory rules
    const items = await expectFeed('/v1/feeds/all.json', key1, expected);
    for (const item of items) expect(item.content_html).toContain('<p>');
  });

  it("narrows partner 1's entitlement with its channel's filter", async () => {
    await expectFeed(
      '/v1/feeds/eco.json',
      key1,
      cells.filter((c) => seenByPartner1(c) && c.section === 'economie'),
    );
  });

  it('gives partner 2 exactly its cells, headlines only', async () => {
    const expected = cells.filter(seenByPartner2);
    expect(expected).toHaveLength(4); // 2 sections × 2 languages × unrestricted only
    const items = await expectFeed('/v1/feeds/all.json', key2, expected);
    for (const item of items) {
      expect(item.content_html).toBeUndefined();
      expect(item.content_text).toBe('');
    }
  });

  it('gives the public channel its cells at summary level, without a key', async () => {
    const expected = cells.filter(seenByPublic);
    expect(expected).toHaveLength(6);
    const items = await expectFeed('/v1/feeds/une.json', undefined, expected);
    for (const item of items) {
      expect(item.content_html).toBeUndefined();
      expect(item.content_text).toBe(sampleArticle().standfirst);
    }
  });

  it('answers every cell of the item endpoint: the story, or 404 with nothing leaked', async () => {
    for (const cell of cells) {
      const path = `/v1/items/${cell.article.id}?format=ninjs`;
      const [one, two] = [await world.get(path, key1), await world.get(path, key2)];
      expect([cell.article.id, one.status]).toEqual([
        cell.article.id,
        seenByPartner1(cell) ? 200 : 404,
      ]);
      // Partner 2 may not use ninjs at all: 403 where it may see the story, 404 where it may not.
      expect([cell.article.id, two.status]).toEqual([
        cell.article.id,
        seenByPartner2(cell) ? 403 : 404,
      ]);
      const unknown = await world.get(`/v1/items/${cell.article.id}-nope?format=ninjs`, key1);
      expect((await one.clone().text()).length > 0 && unknown.status).toBe(404);
    }
  });

  it('refuses a channel the partner does not have (403), a missing key (401) and a wrong key (401)', async () => {
    expect((await world.get('/v1/feeds/eco.json', key2)).status).toBe(403);
    expect((await world.get('/v1/feeds/all.json')).status).toBe(401);
    const wrong = await world.get('/v1/feeds/all.json', `dpk_${'x'.repeat(43)}`);
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await world.get('/v1/feeds/all.json', undefined, { 'x-api-key': key1 })).status).toBe(
      200,
    );
  });

  it('refuses a format outside the entitlement (403)', async () => {
    expect((await world.get('/v1/feeds/all.xml', key2)).status).toBe(403);
    expect((await world.get('/v1/feeds/all.rss', key2)).status).toBe(200);
  });
});
