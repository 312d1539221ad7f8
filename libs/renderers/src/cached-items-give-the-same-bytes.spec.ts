import { sampleArticle } from '@depeche/testing';
import { atomTree, renderAtom } from './atom/atom.renderer';
import type { FeedInput } from './feed-input';
import { jsonFeedObject, renderJsonFeed } from './json-feed/json-feed.renderer';
import type { Rendition } from './rendition';
import { newsMessageTree, renderNewsmlMessage } from './newsml-g2/newsml-g2.renderer';
import { renderRss, rssTree } from './rss/rss.renderer';
import { FIXED_NOW } from './test-support/fixed-clock';
import { hostileArticles, LEVELS } from './test-support/hostile-articles';
import { sampleChannel } from './test-support/sample-channel';
import { xmlDocument } from './xml/xml-document';

/** Hostile stories (markup lookalikes, forbidden characters, newlines, 100 KB bodies, withdrawals). */
const ARTICLES = hostileArticles(sampleArticle(), 60, 20261129, FIXED_NOW);

/** Each feed format: the renderer with its item cache, and the document written whole. */
const FORMATS: [string, (input: FeedInput) => Rendition, (input: FeedInput) => string][] = [
  ['RSS', renderRss, (input) => xmlDocument(rssTree(input))],
  ['Atom', renderAtom, (input) => xmlDocument(atomTree(input))],
  ['JSON Feed', renderJsonFeed, (input) => JSON.stringify(jsonFeedObject(input), null, 2)],
  ['NewsML-G2', renderNewsmlMessage, (input) => xmlDocument(newsMessageTree(input))],
];

/**
 * The feed renderers splice items rendered once per story version into the document; their bytes
 * must be those of the whole document written at once, whatever the stories, level and cache.
 */
describe.each(FORMATS)('a %s feed built from cached items', (format, render, whole) => {
  it.each(LEVELS)('is byte for byte the document written whole, at %s level', (level) => {
    const channel = sampleChannel('https://feeds.example/international');
    // NewsML-G2 has no empty message (the schema wants an item): the others are tried empty too.
    const lists = [ARTICLES, ARTICLES.slice(7, 31), ARTICLES.slice(0, 1)];
    for (const articles of format === 'NewsML-G2' ? lists : [...lists, []]) {
      const input = { articles, channel, level, now: FIXED_NOW };
      const expected = Buffer.from(whole(input), 'utf8');
      expect(render(input).body.equals(expected)).toBe(true);
      // Again, every item from the cache now.
      expect(render(input).body.equals(expected)).toBe(true);
    }
  });

  it('renders a story again when its version changes, and per level', () => {
    const channel = sampleChannel('https://feeds.example/international');
    const v1 = sampleArticle();
    const v2 = sampleArticle({ version: 2, headline: 'Un autre titre « corrigé »' });
    const body = (article: typeof v1, level: 'headline' | 'full') =>
      render({ articles: [article], channel, level, now: FIXED_NOW }).body.toString('utf8');
    expect(body(v1, 'full')).toContain('Loukachenko');
    expect(body(v2, 'full')).toContain('Un autre titre « corrigé »');
    expect(body(v1, 'headline').length).toBeLessThan(body(v1, 'full').length / 2);
  });
});

describe('a NewsML-G2 item kept for a story version', () => {
  it('is rendered again when the clock lifts its embargo', () => {
    const embargoed = sampleArticle({ embargoUntil: '2025-07-04T16:00:00Z' });
    const channel = sampleChannel('https://feeds.example/international.xml');
    const at = (iso: string) =>
      renderNewsmlMessage({
        articles: [embargoed],
        channel,
        level: 'full',
        now: new Date(iso),
      }).body.toString('utf8');
    const before = at('2025-07-04T15:00:00Z');
    const after = at('2025-07-04T17:00:00Z');
    expect([before.includes('stat:withheld'), before.includes('<embargoed>')]).toEqual([
      true,
      true,
    ]);
    expect([after.includes('stat:usable'), after.includes('<embargoed>')]).toEqual([true, false]);
    expect(at('2025-07-04T15:30:00Z')).toContain('stat:withheld'); // from the cache, still held
  });
});
