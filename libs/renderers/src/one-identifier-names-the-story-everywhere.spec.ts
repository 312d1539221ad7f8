import { readXmlTexts, sampleArticle } from '@depeche/testing';
import { FIXED_NOW } from './test-support/fixed-clock';
import { renderAll } from './test-support/render-all';

it('names the story by article.guid in every format: NewsML guid, RSS guid, Atom id, JSON Feed id, ninjs uri', async () => {
  const article = sampleArticle();
  const all = renderAll([article], 'full', FIXED_NOW);
  const nar = { nar: 'http://iptc.org/std/nar/2006-10-01/' };
  const read = async (body: Buffer, xpath: string, namespaces = {}) =>
    (await readXmlTexts(body, { namespaces, text: { id: xpath } })).text.id;
  expect({
    newsItem: await read(all.newsItems[0]?.body ?? Buffer.alloc(0), '/nar:newsItem/@guid', nar),
    newsMessage: await read(all.newsMessage.body, '//nar:newsItem/@guid', nar),
    rss: await read(all.rss.body, "//item/guid[@isPermaLink='false']"),
    atom: await read(all.atom.body, '//a:entry/a:id', { a: 'http://www.w3.org/2005/Atom' }),
    jsonFeed: (
      JSON.parse(all.jsonFeed.body.toString('utf8')) as { items: { id: string }[] }
    ).items.map((i) => i.id),
    ninjs: [(JSON.parse(all.ninjs[0]?.body.toString('utf8') ?? '{}') as { uri: string }).uri],
  }).toEqual({
    newsItem: [article.guid],
    newsMessage: [article.guid],
    rss: [article.guid],
    atom: [article.guid],
    jsonFeed: [article.guid],
    ninjs: [article.guid],
  });
});
