import {
  checkFeed,
  readXmlTexts,
  sampleArticle,
  validateAtom,
  validateJsonFeed,
  validateNewsml,
  validateNinjs,
} from '@depeche/testing';
import type { Article } from '@depeche/article';
import { atomTree, renderAtom } from './atom/atom.renderer';
import { isEmbargoed } from './embargo';
import { jsonFeedObject, renderJsonFeed } from './json-feed/json-feed.renderer';
import { renderNewsmlItem } from './newsml-g2/newsml-g2.renderer';
import { renderNinjs } from './ninjs/ninjs.renderer';
import { renderRss, rssTree } from './rss/rss.renderer';
import { FIXED_NOW } from './test-support/fixed-clock';
import { sampleChannel } from './test-support/sample-channel';
import { xmlDocument } from './xml/xml-document';

/** Three hours after FIXED_NOW (15:00Z). */
const embargoed = sampleArticle({ embargoUntil: '2025-07-04T18:00:00.000Z' });

async function newsmlStatus(article: Article, now: Date) {
  const { body } = renderNewsmlItem({ article, level: 'full', now });
  expect(await validateNewsml(body)).toEqual(expect.objectContaining({ ok: true }));
  const read = await readXmlTexts(body, {
    namespaces: { nar: 'http://iptc.org/std/nar/2006-10-01/' },
    text: {
      status: '/nar:newsItem/nar:itemMeta/nar:pubStatus/@qcode',
      embargoed: '/nar:newsItem/nar:itemMeta/nar:embargoed',
    },
  });
  return read.text;
}

async function ninjsStatus(article: Article, now: Date) {
  const { body } = renderNinjs({ article, level: 'full', now });
  expect(await validateNinjs(body)).toEqual(expect.objectContaining({ ok: true }));
  const { pubStatus, embargoedUntil } = JSON.parse(body.toString('utf8')) as Record<
    string,
    unknown
  >;
  return { pubStatus, embargoedUntil };
}

describe('isEmbargoed(article, now)', () => {
  it('holds strictly before embargoUntil, and never without one', () => {
    expect(isEmbargoed(embargoed, FIXED_NOW)).toBe(true);
    expect(isEmbargoed(embargoed, new Date('2025-07-04T17:59:59.999Z'))).toBe(true);
    expect(isEmbargoed(embargoed, new Date('2025-07-04T18:00:00.000Z'))).toBe(false);
    expect(isEmbargoed(sampleArticle(), FIXED_NOW)).toBe(false);
  });

  it('says which field is wrong when embargoUntil is not a time', () => {
    expect(() => isEmbargoed(sampleArticle({ embargoUntil: 'demain' }), FIXED_NOW)).toThrow(
      'embargoUntil is not an RFC 3339 time: demain',
    );
  });
});

describe('an embargoed story', () => {
  it('is stat:withheld with embargoed in NewsML-G2 until the embargo lifts, then stat:usable', async () => {
    expect(await newsmlStatus(embargoed, FIXED_NOW)).toEqual({
      status: ['stat:withheld'],
      embargoed: ['2025-07-04T18:00:00Z'],
    });
    expect(await newsmlStatus(embargoed, new Date('2025-07-04T18:00:00Z'))).toEqual({
      status: ['stat:usable'],
      embargoed: [],
    });
  });

  it('is withheld with embargoedUntil in ninjs until the embargo lifts, then usable', async () => {
    expect(await ninjsStatus(embargoed, FIXED_NOW)).toEqual({
      pubStatus: 'withheld',
      embargoedUntil: '2025-07-04T18:00:00Z',
    });
    expect(await ninjsStatus(embargoed, new Date('2025-07-04T19:00:00Z'))).toEqual({
      pubStatus: 'usable',
      embargoedUntil: undefined,
    });
  });

  it('once withdrawn is canceled, embargo or not', async () => {
    const withdrawn = { ...embargoed, change: 'withdrawn' as const };
    expect((await newsmlStatus(withdrawn, FIXED_NOW)).status).toEqual(['stat:canceled']);
    expect((await ninjsStatus(withdrawn, FIXED_NOW)).pubStatus).toBe('canceled');
  });
});

/**
 * RSS, Atom and JSON Feed have no embargo of their own; a partner with early delivery gets the
 * story in them before it lifts, and must be told (issue 5). Everyone else never sees it then.
 */
describe('an embargoed story in RSS, Atom and JSON Feed', () => {
  const feeds = (now: Date) => {
    const input = { articles: [embargoed], channel: sampleChannel(), level: 'full' as const, now };
    return { input, rss: renderRss(input), atom: renderAtom(input), json: renderJsonFeed(input) };
  };

  async function marks(now: Date): Promise<unknown[]> {
    const { rss, atom, json } = feeds(now);
    const inRss = await readXmlTexts(rss.body, {
      namespaces: { dp: 'urn:depeche:syndication' },
      text: { until: '/rss/channel/item/dp:embargoedUntil' },
    });
    const inAtom = await readXmlTexts(atom.body, {
      namespaces: { a: 'http://www.w3.org/2005/Atom', dp: 'urn:depeche:syndication' },
      text: { until: '/a:feed/a:entry/dp:embargoedUntil' },
    });
    const [item] = (JSON.parse(json.body.toString('utf8')) as { items: Record<string, unknown>[] })
      .items;
    return [inRss.text.until, inAtom.text.until, item?._depeche];
  }

  it('carries the embargo’s end until it lifts, then nothing', async () => {
    expect(await marks(FIXED_NOW)).toEqual([
      ['2025-07-04T18:00:00Z'],
      ['2025-07-04T18:00:00Z'],
      { embargoed_until: '2025-07-04T18:00:00Z' },
    ]);
    expect(await marks(new Date('2025-07-04T18:00:00Z'))).toEqual([[], [], undefined]);
  });

  it('still passes the validators, and the cached items are the bytes of the whole tree', async () => {
    const { input, rss, atom, json } = feeds(FIXED_NOW);
    for (const verdict of await Promise.all([
      checkFeed(rss.body),
      checkFeed(atom.body),
      validateAtom(atom.body),
      validateJsonFeed(json.body),
    ])) {
      expect(verdict).toEqual(expect.objectContaining({ ok: true }));
    }
    expect(rss.body.toString('utf8')).toBe(xmlDocument(rssTree(input)));
    expect(atom.body.toString('utf8')).toBe(xmlDocument(atomTree(input)));
    expect(JSON.parse(json.body.toString('utf8'))).toEqual(
      JSON.parse(JSON.stringify(jsonFeedObject(input))),
    );
  });
});
