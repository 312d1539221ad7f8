import { sampleArticle } from '@depeche/testing';
import { FIXED_NOW } from '../test-support/fixed-clock';
import { hostileArticles, LEVELS } from '../test-support/hostile-articles';
import { sampleChannel } from '../test-support/sample-channel';
import { xmlDocument } from '../xml/xml-document';
import { renderRss, rssTree } from './rss.renderer';

/** Hostile stories (markup lookalikes, forbidden characters, newlines, 100 KB bodies, withdrawals). */
const ARTICLES = hostileArticles(sampleArticle(), 60, 20261129, FIXED_NOW);

/**
 * renderRss splices items rendered once per story version into the channel; its bytes must be
 * those of the whole document built as one tree, whatever the stories, the level and the cache.
 */
describe('an RSS feed built from cached items', () => {
  it.each(LEVELS)('is byte for byte the document built whole, at %s level', (level) => {
    const channel = sampleChannel('https://feeds.example/international.rss');
    for (const articles of [ARTICLES, ARTICLES.slice(7, 31), ARTICLES.slice(0, 1), []]) {
      const input = { articles, channel, level, now: FIXED_NOW };
      const whole = Buffer.from(xmlDocument(rssTree(input)), 'utf8');
      expect(renderRss(input).body.equals(whole)).toBe(true);
      // Again, every item from the cache now.
      expect(renderRss(input).body.equals(whole)).toBe(true);
    }
  });

  it('renders a story again when its version changes, and per level', () => {
    const channel = sampleChannel('https://feeds.example/international.rss');
    const v1 = sampleArticle();
    const v2 = sampleArticle({ version: 2, headline: 'Un autre titre « corrigé »' });
    const rss = (article: typeof v1, level: 'headline' | 'full') =>
      renderRss({ articles: [article], channel, level, now: FIXED_NOW }).body.toString('utf8');
    expect(rss(v1, 'full')).toContain(v1.headline);
    expect(rss(v2, 'full')).toContain('Un autre titre « corrigé »');
    expect(rss(v1, 'headline')).not.toContain('<content:encoded>');
    expect(rss(v1, 'full')).toContain('<content:encoded>');
  });
});
