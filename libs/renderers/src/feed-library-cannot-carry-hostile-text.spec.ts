import { checkWellFormed } from '@depeche/testing';
import { Feed } from 'feed';
import { renderAtom } from './atom/atom.renderer';
import { renderRss } from './rss/rss.renderer';
import { FIXED_NOW } from './test-support/fixed-clock';
import { sampleChannel } from './test-support/sample-channel';
import { sampleArticle } from '@depeche/testing';

/**
 * Why the renderers do not use the `feed` library (5.2.1), kept as a test so the decision is
 * re-examined when it stops being true. feed writes XML through xml-js 1.6.11, which
 * - splits only the first `]]>` of a CDATA section (`String#replace` with a string pattern), so a
 *   second one ends the section early: ill-formed;
 * - escapes only `"` in attribute values, so `&` or `<` in a category is ill-formed;
 * - turns a literal `&amp;` in text into `&` ("desanitize to avoid double sanitization");
 * and feed itself writes RSS dates as `Date#toUTCString()` ("GMT", not the numeric zone the issue
 * asks for) and JSON Feed as version 1, not 1.1. If this test fails, feed has changed: look again.
 */
describe('feed 5.2.1, given text the renderers must carry', () => {
  const title = 'a ]]> b ]]> c';
  const category = 'R&D <x>';
  const date = new Date('2025-07-04T14:30:00Z');
  const feed = new Feed({
    id: 'urn:x',
    title: 'T',
    link: 'https://x.example/',
    updated: date,
    copyright: 'c',
  });
  feed.addItem({
    title,
    id: 'urn:1',
    link: 'https://x.example/1',
    date,
    category: [{ name: category, term: category }],
  });

  it('writes ill-formed RSS and Atom', async () => {
    expect((await checkWellFormed(feed.rss2())).ok).toBe(false);
    expect((await checkWellFormed(feed.atom1())).ok).toBe(false);
  });

  it('dates RSS in GMT and writes JSON Feed 1.0', () => {
    expect(feed.rss2()).toContain('<pubDate>Fri, 04 Jul 2025 14:30:00 GMT</pubDate>');
    expect((JSON.parse(feed.json1()) as { version: string }).version).toBe(
      'https://jsonfeed.org/version/1',
    );
  });

  it('where our renderers, given the same text, write well-formed documents', async () => {
    const article = sampleArticle({ headline: title, keywords: [category] });
    const input = {
      articles: [article],
      channel: sampleChannel(),
      level: 'full' as const,
      now: FIXED_NOW,
    };
    const verdict = await checkWellFormed(renderRss(input).body, renderAtom(input).body);
    expect(verdict).toEqual(expect.objectContaining({ ok: true }));
  });
});
