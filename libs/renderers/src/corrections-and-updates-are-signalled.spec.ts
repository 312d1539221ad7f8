import { readHtmlTexts, readXmlTexts, sampleArticle, validateNewsml } from '@depeche/testing';
import type { Article } from '@depeche/article';
import { renderNewsmlItem } from './newsml-g2/newsml-g2.renderer';
import { renderNinjs } from './ninjs/ninjs.renderer';
import { renderJsonFeed } from './json-feed/json-feed.renderer';
import { FIXED_NOW } from './test-support/fixed-clock';
import { sampleChannel } from './test-support/sample-channel';

const NOTE = 'Une version précédente attribuait ces propos au ministre des affaires étrangères.';
const corrected = sampleArticle({
  change: 'corrected',
  version: 2,
  updatedAt: '2025-07-04T14:40:00.000Z',
  correctionNote: NOTE,
});
const updated = sampleArticle({
  change: 'updated',
  version: 5,
  updatedAt: '2025-07-04T14:55:00.000Z',
});

async function itemMeta(article: Article) {
  const { body } = renderNewsmlItem({ article, level: 'full', now: FIXED_NOW });
  expect(await validateNewsml(body)).toEqual(expect.objectContaining({ ok: true }));
  const read = await readXmlTexts(body, {
    namespaces: { nar: 'http://iptc.org/std/nar/2006-10-01/' },
    text: {
      version: '/nar:newsItem/@version',
      signals: '/nar:newsItem/nar:itemMeta/nar:signal/@qcode',
      edNote: '/nar:newsItem/nar:itemMeta/nar:edNote',
      versionCreated: '/nar:newsItem/nar:itemMeta/nar:versionCreated',
      firstCreated: '/nar:newsItem/nar:itemMeta/nar:firstCreated',
    },
  });
  return read.text;
}

describe('versions of a story in NewsML-G2', () => {
  it('a correction carries sig:correction, the note as edNote, and its version number', async () => {
    expect(await itemMeta(corrected)).toEqual({
      version: ['2'],
      signals: ['sig:correction'],
      edNote: [NOTE],
      versionCreated: ['2025-07-04T14:40:00Z'],
      firstCreated: ['2025-07-04T14:30:00Z'],
    });
  });

  it('an update carries sig:update and its version number', async () => {
    expect(await itemMeta(updated)).toEqual({
      version: ['5'],
      signals: ['sig:update'],
      edNote: [],
      versionCreated: ['2025-07-04T14:55:00Z'],
      firstCreated: ['2025-07-04T14:30:00Z'],
    });
  });

  it('a first publication carries no signal', async () => {
    expect((await itemMeta(sampleArticle())).signals).toEqual([]);
  });
});

describe('a correction elsewhere', () => {
  it('is the ninjs edNote, with the version', () => {
    const { body } = renderNinjs({ article: corrected, level: 'summary', now: FIXED_NOW });
    expect(JSON.parse(body.toString('utf8'))).toEqual(
      expect.objectContaining({ edNote: NOTE, version: '2' }),
    );
  });

  it('closes the reader HTML of the feeds, for readers to see', async () => {
    const { body } = renderJsonFeed({
      articles: [corrected],
      channel: sampleChannel(),
      level: 'full',
      now: FIXED_NOW,
    });
    const [item] = (JSON.parse(body.toString('utf8')) as { items: { content_html: string }[] })
      .items;
    const [html] = await readHtmlTexts([item?.content_html ?? '']);
    expect(html?.blocks.at(-1)).toBe(NOTE);
  });
});
