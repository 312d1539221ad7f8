/**
 * Render benchmark (not a test): how long the renderers take for sample-sized stories, next to a
 * template-string NewsML-G2 item holding the same content, the ceiling of what building by hand
 * could gain. Run: `npm run -s build && node dist/tools/bench/render.js`.
 */
import { articleGuid, type Article, type ContentLevel } from '@depeche/article';
import {
  renderAtom,
  renderJsonFeed,
  renderNewsmlItem,
  renderNewsmlMessage,
  renderNinjs,
  renderRss,
  type Channel,
  type Rendition,
} from '@depeche/renderers';
import { sampleArticle } from '@depeche/testing';

const NOW = new Date('2025-07-04T15:00:00Z');
const LEVEL: ContentLevel = 'full';
const FEED_SIZE = 50;

/** The sample article, made distinct per index as the stories of a feed are. */
function sampleSizedArticle(index: number): Article {
  const id = `wrm-20250704-loukachenko-etats-unis-${index}`;
  const time = new Date(Date.UTC(2025, 6, 4, 14, 30) - index * 60_000).toISOString();
  return sampleArticle({
    id,
    guid: articleGuid('webradio media', id),
    canonicalUrl: `https://webradio-media.example/international/loukachenko-${index}`,
    firstPublishedAt: time,
    updatedAt: time,
  });
}

const channel = (selfUrl: string): Channel => ({
  id: 'urn:depeche:feed:webradio-media:international:fr',
  title: 'webradio media — International',
  description: 'Les dépêches internationales de webradio media',
  language: 'fr',
  link: 'https://webradio-media.example/international',
  selfUrl,
  hubUrl: 'https://hub.webradio-media.example/',
  publisher: 'webradio media',
  generator: 'depeche bench',
});

/**
 * THE CEILING ONLY, never product code: the same NewsML-G2 item written as one template string with
 * a minimal escape, i.e. what hand-written XML would cost at best. It skips everything that makes
 * the real renderer safe (character cleaning, schema-ordered optional parts, the builder).
 */
function templateNewsmlItem(a: Article): string {
  const x = (s: string): string =>
    s.replace(
      /[&<>"]/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c,
    );
  const body = a.body
    .map((b) => ('children' in b && b.type !== 'blockquote' ? b : undefined))
    .filter((b) => b !== undefined)
    .map(
      (b) =>
        `<${b.type}>${b.children.map((c) => (c.type === 'text' ? x(c.text) : '')).join('')}</${b.type}>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="${x(a.guid)}" version="${a.version}" standard="NewsML-G2" standardversion="2.35" conformance="power" xml:lang="${x(a.language)}">
  <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"/>
  <rightsInfo><copyrightHolder><name>${x(a.rights.copyrightHolder)}</name></copyrightHolder><copyrightNotice>${x(a.rights.copyrightNotice)}</copyrightNotice><usageTerms>${x(a.rights.usageTerms ?? '')}</usageTerms></rightsInfo>
  <itemMeta><itemClass qcode="ninat:text"/><provider><name>${x(a.provider)}</name></provider><versionCreated>${a.updatedAt}</versionCreated><firstCreated>${a.firstPublishedAt}</firstCreated><pubStatus qcode="stat:usable"/><link rel="irel:seeAlso" href="${x(a.images[0]?.url ?? '')}" contenttype="image/jpeg"/></itemMeta>
  <contentMeta><urgency>${a.urgency}</urgency><contentCreated>${a.firstPublishedAt}</contentCreated><contentModified>${a.updatedAt}</contentModified><located><name>${x(a.location?.name ?? '')}</name></located><infoSource><name>${x(a.sourceAgency ?? '')}</name></infoSource>${a.authors.map((au) => `<creator><name>${x(au.name)}</name></creator>`).join('')}<language tag="${x(a.language)}"/><genre qcode="genre:${x(a.genre ?? '')}"><name>${x(a.genre ?? '')}</name></genre>${a.subjects.map((s) => `<subject type="cpnat:abstract" qcode="${x(s.code)}"><name>${x(s.name ?? '')}</name></subject>`).join('')}${a.keywords.map((k) => `<keyword>${x(k)}</keyword>`).join('')}<headline>${x(a.headline)}</headline><dateline>${x(a.dateline ?? '')}</dateline><by>${x(a.authors.map((au) => au.name).join(', '))}</by><creditline>${x(a.creditLine ?? '')}</creditline><description role="drol:summary">${x(a.standfirst)}</description></contentMeta>
  <contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml" xml:lang="${x(a.language)}"><head><title>${x(a.headline)}</title></head><body>${body}</body></html></inlineXML></contentSet>
</newsItem>`;
}

interface Timing {
  readonly label: string;
  readonly iterations: number;
  readonly microseconds: number;
  readonly bytes: number;
}

/** Mean time per call after a warm-up, measured with process.hrtime.bigint(). */
function time(label: string, iterations: number, run: () => number): Timing {
  let bytes = 0;
  for (let i = 0; i < Math.max(50, iterations / 10); i++) bytes = run();
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) bytes = run();
  const elapsed = process.hrtime.bigint() - start;
  return { label, iterations, microseconds: Number(elapsed) / 1000 / iterations, bytes };
}

const size = (rendition: Rendition): number => rendition.body.length;

function main(): void {
  const article = sampleSizedArticle(0);
  const articles = Array.from({ length: FEED_SIZE }, (_, i) => sampleSizedArticle(i));
  // The renderers keep each item's text per story version (Article object): a copy is a version
  // they have not seen. `feed` renders fifty unseen versions (a cold start); `rebuild` one new
  // version beside forty-nine already rendered (what a feed costs at each change).
  const feed = (selfUrl: string) => ({
    articles: articles.map((a) => ({ ...a })),
    channel: channel(selfUrl),
    level: LEVEL,
    now: NOW,
  });
  const rebuild = (selfUrl: string) => ({
    articles: [{ ...articles[0] } as Article, ...articles.slice(1)],
    channel: channel(selfUrl),
    level: LEVEL,
    now: NOW,
  });

  const item = time('NewsML-G2 newsItem (per item)', 5000, () =>
    size(renderNewsmlItem({ article, level: LEVEL, now: NOW })),
  );
  const ceiling = time('template-string newsItem (ceiling)', 5000, () =>
    Buffer.byteLength(templateNewsmlItem(article)),
  );
  const results: Timing[] = [
    item,
    time('ninjs item (per item)', 5000, () =>
      size(renderNinjs({ article, level: LEVEL, now: NOW })),
    ),
    ceiling,
    time(`RSS 2.0, ${FEED_SIZE} items`, 300, () =>
      size(renderRss(feed('https://x.example/f.rss'))),
    ),
    time(`Atom 1.0, ${FEED_SIZE} items`, 300, () =>
      size(renderAtom(feed('https://x.example/f.atom'))),
    ),
    time(`JSON Feed 1.1, ${FEED_SIZE} items`, 300, () =>
      size(renderJsonFeed(feed('https://x.example/f.json'))),
    ),
    time(`RSS 2.0 rebuild, 1 new of ${FEED_SIZE}`, 300, () =>
      size(renderRss(rebuild('https://x.example/f.rss'))),
    ),
    time(`Atom 1.0 rebuild, 1 new of ${FEED_SIZE}`, 300, () =>
      size(renderAtom(rebuild('https://x.example/f.atom'))),
    ),
    time(`JSON Feed 1.1 rebuild, 1 new of ${FEED_SIZE}`, 300, () =>
      size(renderJsonFeed(rebuild('https://x.example/f.json'))),
    ),
    time(`NewsML-G2 newsMessage, ${FEED_SIZE} items`, 300, () =>
      size(renderNewsmlMessage(feed('https://x.example/f.xml'))),
    ),
    time(`NewsML-G2 newsMessage rebuild, 1 new of ${FEED_SIZE}`, 300, () =>
      size(renderNewsmlMessage(rebuild('https://x.example/f.xml'))),
    ),
  ];
  console.log(
    `node ${process.version}, level ${LEVEL}, sample article (${article.wordCount} words)`,
  );
  for (const { label, iterations, microseconds, bytes } of results) {
    const ms =
      microseconds >= 1000
        ? `${(microseconds / 1000).toFixed(2)} ms`
        : `${microseconds.toFixed(1)} µs`;
    console.log(
      `${label.padEnd(42)} ${ms.padStart(10)}  ${String(bytes).padStart(8)} bytes  (${iterations} runs)`,
    );
  }
  console.log(
    `newsItem builder / template ceiling: ${(item.microseconds / ceiling.microseconds).toFixed(1)}x`,
  );
}

main();
