import { readXmlTexts, sampleArticle, validateNewsml, validateNinjs } from '@depeche/testing';
import type { Article } from '@depeche/article';
import { isEmbargoed } from './embargo';
import { renderNewsmlItem } from './newsml-g2/newsml-g2.renderer';
import { renderNinjs } from './ninjs/ninjs.renderer';
import { FIXED_NOW } from './test-support/fixed-clock';

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
