import type { Article, ContentLevel } from '@depeche/article';
import { expectedBlocks, expectedText } from './expected-text';
import { expectSame } from './expect-same';
import type { Oracles } from './oracles';
import type { AllRenditions } from './render-all';

const NAR = 'http://iptc.org/std/nar/2006-10-01/';
const XHTML = 'http://www.w3.org/1999/xhtml';
const ATOM = 'http://www.w3.org/2005/Atom';
const CONTENT = 'http://purl.org/rss/1.0/modules/content/';
const BLOCKS =
  '*[self::h:p or self::h:h2 or self::h:h3 or self::h:h4 or self::h:li or self::h:figcaption]';

interface JsonFeedItem {
  readonly id: string;
  readonly title: string;
  readonly summary?: string;
  readonly content_text?: string;
  readonly content_html?: string;
}

interface NinjsItem {
  readonly uri: string;
  readonly headlines?: readonly { readonly value: string }[];
  readonly descriptions?: readonly { readonly value: string }[];
  readonly bodies?: readonly { readonly contentType: string; readonly value: string }[];
}

/**
 * Reads every rendition back with parsers that did not write it (libxml2 for XML and HTML,
 * JSON.parse) and checks that headline, standfirst and every body block say exactly what the
 * article says, and that one identifier (the article's guid) names the story everywhere.
 */
export async function expectTextsSurvive(
  { readHtmlTexts, readXmlTexts }: Oracles,
  articles: readonly Article[],
  level: ContentLevel,
  all: AllRenditions,
): Promise<void> {
  const shown = articles.filter((article) => article.change !== 'withdrawn');
  const summary = level !== 'headline';
  const full = level === 'full';
  const headlines = (list: readonly Article[]): string[] =>
    list.map((a) => expectedText(a.headline));
  const standfirsts = (list: readonly Article[]): string[] =>
    list.map((a) => expectedText(a.standfirst));
  // Feeds end the body with the correction note (readers have no other place to see it).
  const readerBodies = shown.map((a) => [
    ...expectedBlocks(a.body),
    ...(a.correctionNote ? [expectedText(a.correctionNote)] : []),
  ]);
  const guids = (list: readonly Article[]): string[] => list.map((a) => a.guid);

  // NewsML-G2: every item of the newsMessage; a withdrawn one keeps its headline but no text.
  const items = articles.map((_, i) => `/nar:newsMessage/nar:itemSet/nar:newsItem[${i + 1}]`);
  const newsml = await readXmlTexts(all.newsMessage.body, {
    namespaces: { nar: NAR, h: XHTML },
    text: {
      guid: '/nar:newsMessage/nar:itemSet/nar:newsItem/@guid',
      headline: '/nar:newsMessage/nar:itemSet/nar:newsItem/nar:contentMeta/nar:headline',
      description: '/nar:newsMessage/nar:itemSet/nar:newsItem/nar:contentMeta/nar:description',
      ...Object.fromEntries(items.map((item, i) => [`blocks-${i}`, `${item}//h:body//${BLOCKS}`])),
    },
  });
  expectSame('NewsML-G2 guids', newsml.text.guid ?? [], guids(articles));
  expectSame('NewsML-G2 headlines', newsml.text.headline ?? [], headlines(articles));
  expectSame(
    'NewsML-G2 descriptions',
    newsml.text.description ?? [],
    summary ? standfirsts(shown) : [],
  );
  expectSame(
    'NewsML-G2 XHTML body blocks',
    articles.map((_, i) => newsml.text[`blocks-${i}`] ?? []),
    articles.map((a) => (full && a.change !== 'withdrawn' ? expectedBlocks(a.body) : [])),
  );

  // RSS: title plain, description and content:encoded HTML.
  const rss = await readXmlTexts(all.rss.body, {
    namespaces: { content: CONTENT },
    text: { guid: '//item/guid', title: '//item/title' },
    html: { description: '//item/description', content: '//item/content:encoded' },
  });
  expectSame('RSS guids', rss.text.guid ?? [], guids(shown));
  expectSame('RSS titles', rss.text.title ?? [], headlines(shown));
  expectSame(
    'RSS descriptions',
    (rss.html.description ?? []).map((d) => d.text),
    summary ? standfirsts(shown) : [],
  );
  expectSame(
    'RSS content:encoded blocks',
    (rss.html.content ?? []).map((c) => c.blocks),
    full ? readerBodies : [],
  );

  // Atom: title and summary as text, content as HTML.
  const atom = await readXmlTexts(all.atom.body, {
    namespaces: { a: ATOM, at: 'http://purl.org/atompub/tombstones/1.0' },
    text: {
      id: '/a:feed/a:entry/a:id',
      title: '/a:feed/a:entry/a:title',
      summary: '/a:feed/a:entry/a:summary',
    },
    html: { content: '/a:feed/a:entry/a:content' },
  });
  expectSame('Atom ids', atom.text.id ?? [], guids(shown));
  expectSame('Atom titles', atom.text.title ?? [], headlines(shown));
  expectSame('Atom summaries', atom.text.summary ?? [], summary ? standfirsts(shown) : []);
  expectSame(
    'Atom content blocks',
    (atom.html.content ?? []).map((c) => c.blocks),
    full ? readerBodies : [],
  );

  // JSON Feed.
  const feed = JSON.parse(all.jsonFeed.body.toString('utf8')) as { items: JsonFeedItem[] };
  expectSame(
    'JSON Feed ids',
    feed.items.map((item) => item.id),
    guids(shown),
  );
  expectSame(
    'JSON Feed titles',
    feed.items.map((item) => item.title),
    headlines(shown),
  );
  expectSame(
    'JSON Feed standfirsts',
    feed.items.map((item) => (full ? item.summary : item.content_text)),
    shown.map((a) => (summary ? expectedText(a.standfirst) : '')),
  );
  const html = await readHtmlTexts(feed.items.map((item) => item.content_html ?? ''));
  expectSame(
    'JSON Feed content_html blocks',
    html.map((h) => h.blocks),
    full ? readerBodies : shown.map(() => []),
  );

  // ninjs: one item per story, withdrawn ones included (canceled, headline only).
  const ninjs = all.ninjs.map((r) => JSON.parse(r.body.toString('utf8')) as NinjsItem);
  expectSame(
    'ninjs uris',
    ninjs.map((item) => item.uri),
    guids(articles),
  );
  expectSame(
    'ninjs headlines',
    ninjs.map((item) => item.headlines?.[0]?.value),
    headlines(articles),
  );
  expectSame(
    'ninjs descriptions',
    ninjs.map((item) => item.descriptions?.[0]?.value),
    articles.map((a) =>
      summary && a.change !== 'withdrawn' ? expectedText(a.standfirst) : undefined,
    ),
  );
  const body = (item: NinjsItem, type: string): string | undefined =>
    item.bodies?.find((b) => b.contentType === type)?.value;
  const ninjsHtml = await readHtmlTexts(ninjs.map((item) => body(item, 'text/html') ?? ''));
  const withText = (a: Article): boolean => full && a.change !== 'withdrawn';
  expectSame(
    'ninjs HTML body blocks',
    ninjsHtml.map((h) => h.blocks),
    articles.map((a) => (withText(a) ? expectedBlocks(a.body) : [])),
  );
  expectSame(
    'ninjs plain-text bodies',
    ninjs.map((item) => body(item, 'text/plain')),
    articles.map((a) => (withText(a) ? expectedText(a.bodyText) : undefined)),
  );
}
