import { sampleEntitlement } from '@depeche/testing';
import { recordReleases } from '@depeche/persistence';
import { DATABASES, FeedApiWorld } from './feed-api-harness';
import { changesPage } from './changes-client';
import { jsonFeedIds, story } from './stories';

const T0 = new Date('2025-07-04T12:00:00.000Z');
const LIFT = '2025-07-04T12:30:00.000Z';

describe.each(DATABASES)(
  'an embargo on %s, with a clock the test moves',
  (_name, createDatabase) => {
    let world: FeedApiWorld;
    let onLift: string;
    let early: string;
    const embargoed = story('embargoed', {
      embargoUntil: LIFT,
      firstPublishedAt: '2025-07-04T11:55:00.000Z',
      updatedAt: '2025-07-04T11:55:00.000Z',
    });
    const open = story('open', {
      firstPublishedAt: '2025-07-04T11:50:00.000Z',
      updatedAt: '2025-07-04T11:50:00.000Z',
    });

    beforeAll(async () => {
      world = await FeedApiWorld.create(await createDatabase(), T0);
      onLift = await world.partner('on-lift', sampleEntitlement({ embargo: 'on-lift' }), {
        all: {},
      });
      early = await world.partner('early', sampleEntitlement({ embargo: 'early' }), { all: {} });
      await world.publish([open, embargoed]);
      await world.caughtUp();
    });

    afterAll(() => world.cleanup());

    let onLiftCursor = '';
    let earlyCursor = '';
    /** The early partner's item's Last-Modified before the lift. */
    let itemModified = '';

    it('keeps the story from on-lift partners before it lifts, in feeds, items and changes', async () => {
      expect(await jsonFeedIds(await world.get('/v1/feeds/all.json', onLift))).toEqual([open.guid]);
      expect((await world.get('/v1/items/embargoed?format=ninjs', onLift)).status).toBe(404);
      const page = await changesPage(world, onLift);
      expect(page.changes.map((c) => [c.id, c.change])).toEqual([['open', 'published']]);
      onLiftCursor = page.cursor;
    });

    it('gives it to early partners before it lifts, marked as embargoed', async () => {
      expect(await jsonFeedIds(await world.get('/v1/feeds/all.json', early))).toEqual([
        embargoed.guid,
        open.guid,
      ]);
      // Feed formats without an embargo of their own carry depeche's marking.
      expect(await embargoMarks(world, early)).toEqual({
        json: [{ embargoed_until: '2025-07-04T12:30:00Z' }, undefined],
        rss: 1,
        atom: 1,
      });
      const ninjs = (await (await world.get('/v1/items/embargoed?format=ninjs', early)).json()) as {
        pubStatus: string;
        embargoedUntil?: string;
      };
      expect(ninjs).toMatchObject({
        pubStatus: 'withheld',
        embargoedUntil: '2025-07-04T12:30:00Z',
      });
      const withheld = await world.get('/v1/items/embargoed?format=newsml', early);
      itemModified = withheld.headers.get('last-modified') ?? '';
      expect(itemModified).toBe(new Date(embargoed.updatedAt).toUTCString());
      expect(await withheld.text()).toContain('stat:withheld');
      const page = await changesPage(world, early);
      expect(page.changes.map((c) => [c.id, c.embargoed])).toEqual([
        ['open', false],
        ['embargoed', true],
      ]);
      earlyCursor = page.cursor;
    });

    it('shows it once the clock passes the embargo, with no new event', async () => {
      world.clock.set('2025-07-04T12:30:01.000Z');
      await world.caughtUp();
      expect(await jsonFeedIds(await world.get('/v1/feeds/all.json', onLift))).toEqual([
        embargoed.guid,
        open.guid,
      ]);
      const ninjs = (await (
        await world.get('/v1/items/embargoed?format=ninjs', onLift)
      ).json()) as {
        pubStatus: string;
      };
      expect(ninjs.pubStatus).toBe('usable');
      // The early partner's feeds drop the marking at the lift too, with no new event.
      expect(await embargoMarks(world, early)).toEqual({
        json: [undefined, undefined],
        rss: 0,
        atom: 0,
      });
      // So does its item, dated by the lift: asked If-Modified-Since, it is not a 304.
      const usable = await world.get('/v1/items/embargoed?format=newsml', early, {
        'if-modified-since': itemModified,
      });
      expect(usable.status).toBe(200);
      expect(usable.headers.get('last-modified')).toBe(new Date(LIFT).toUTCString());
      expect(await usable.text()).toContain('stat:usable');
    });

    it("delivers it to the on-lift partner's change stream once, after its cursor had passed it", async () => {
      const page = await changesPage(world, onLift, `?cursor=${onLiftCursor}`);
      expect(page.changes.map((c) => [c.id, c.change, c.embargoed])).toEqual([
        ['embargoed', 'released', false],
      ]);
      expect((await changesPage(world, onLift, `?cursor=${page.cursor}`)).changes).toEqual([]);
      // From the start, the on-lift partner reads each story once: the open one, then the release.
      const all = await changesPage(world, onLift);
      expect(all.changes.map((c) => [c.id, c.change])).toEqual([
        ['open', 'published'],
        ['embargoed', 'released'],
      ]);
    });

    it('does not deliver the release to the early partner, who had the story already', async () => {
      expect((await changesPage(world, early, `?cursor=${earlyCursor}`)).changes).toEqual([]);
    });

    it('records the release once, however many processes record it', async () => {
      const later = new Date('2025-07-04T12:31:00.000Z');
      const again = await Promise.all([
        recordReleases(world.database.db, later),
        recordReleases(world.database.db, later),
      ]);
      expect(again.flat()).toEqual([]);
      const rows = await world.database.db.query<{ n: number | string }>(
        "SELECT COUNT(*) AS n FROM article_changes WHERE change = 'released'",
      );
      expect(Number(rows[0]?.n)).toBe(1);
    });
  },
);

/** The embargo marks in a partner's JSON Feed items, and how many its RSS and Atom feeds carry. */
async function embargoMarks(
  world: FeedApiWorld,
  key: string,
): Promise<{ json: unknown[]; rss: number; atom: number }> {
  const json = (await (await world.get('/v1/feeds/all.json', key)).json()) as {
    items: { _depeche?: unknown }[];
  };
  const count = async (path: string): Promise<number> =>
    (
      (await (await world.get(path, key)).text()).match(
        /<embargoedUntil xmlns="urn:depeche:syndication">/g,
      ) ?? []
    ).length;
  return {
    json: json.items.map((item) => item._depeche),
    rss: await count('/v1/feeds/all.rss'),
    atom: await count('/v1/feeds/all.atom'),
  };
}
