import type { ContentLevel } from '@depeche/article';
import { readXmlTexts, sampleArticle } from '@depeche/testing';
import { FIXED_NOW } from './test-support/fixed-clock';
import { renderAll } from './test-support/render-all';

const NS = {
  nar: 'http://iptc.org/std/nar/2006-10-01/',
  a: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  media: 'http://search.yahoo.com/mrss/',
};

/** Which parts each format carries at a level: [standfirst, body, images]. */
async function parts(level: ContentLevel) {
  const all = renderAll([sampleArticle()], level, FIXED_NOW);
  const count = async (body: Buffer, xpaths: string[]) => {
    const read = await readXmlTexts(body, {
      namespaces: NS,
      text: Object.fromEntries(xpaths.map((x, i) => [String(i), x])),
    });
    return xpaths.map((_, i) => (read.text[String(i)] ?? []).length > 0);
  };
  const json = JSON.parse(all.jsonFeed.body.toString('utf8')) as {
    items: Record<string, unknown>[];
  };
  const item = json.items[0] ?? {};
  const ninjs = JSON.parse(all.ninjs[0]?.body.toString('utf8') ?? '{}') as Record<string, unknown>;
  return {
    newsml: await count(all.newsItems[0]?.body ?? Buffer.alloc(0), [
      '//nar:contentMeta/nar:description',
      '//nar:contentSet/nar:inlineXML',
      '//nar:itemMeta/nar:link',
    ]),
    rss: await count(all.rss.body, [
      '//item/description',
      '//item/content:encoded',
      '//item/enclosure | //item/media:content',
    ]),
    atom: await count(all.atom.body, [
      '//a:entry/a:summary',
      '//a:entry/a:content',
      "//a:entry/a:link[@rel='enclosure']",
    ]),
    jsonFeed: [
      item.summary !== undefined || (item.content_text ?? '') !== '',
      item.content_html !== undefined,
      item.image !== undefined,
    ],
    ninjs: [
      ninjs.descriptions !== undefined,
      ninjs.bodies !== undefined,
      ninjs.associations !== undefined,
    ],
  };
}

describe('content levels', () => {
  it('headline: headline and metadata only, in every format', async () => {
    const none = [false, false, false];
    expect(await parts('headline')).toEqual({
      newsml: none,
      rss: none,
      atom: none,
      jsonFeed: none,
      ninjs: none,
    });
  });

  it('summary: plus the standfirst', async () => {
    const standfirst = [true, false, false];
    expect(await parts('summary')).toEqual({
      newsml: standfirst,
      rss: standfirst,
      atom: standfirst,
      jsonFeed: standfirst,
      ninjs: standfirst,
    });
  });

  it('full: plus the body and the images', async () => {
    const all = [true, true, true];
    expect(await parts('full')).toEqual({
      newsml: all,
      rss: all,
      atom: all,
      jsonFeed: all,
      ninjs: all,
    });
  });
});
