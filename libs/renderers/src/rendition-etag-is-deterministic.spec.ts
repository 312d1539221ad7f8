import { sampleArticle } from '@depeche/testing';
import { createHash } from 'node:crypto';
import { renderAtom } from './atom/atom.renderer';
import { renderNewsmlItem, renderNewsmlMessage } from './newsml-g2/newsml-g2.renderer';
import type { Rendition } from './rendition';
import { FIXED_NOW } from './test-support/fixed-clock';
import { renderAll } from './test-support/render-all';
import { sampleChannel } from './test-support/sample-channel';

describe('a rendition', () => {
  it('has a strong ETag: the quoted first 22 characters of the base64url SHA-256 of its bytes', () => {
    const { body, etag } = renderNewsmlItem({
      article: sampleArticle(),
      level: 'full',
      now: FIXED_NOW,
    });
    const digest = createHash('sha256').update(body).digest('base64url');
    expect(etag).toBe(`"${digest.slice(0, 22)}"`);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
  });

  it('is the same bytes and ETag every time it is rendered from the same input', () => {
    const first = renderAll([sampleArticle()], 'full', FIXED_NOW);
    const again = renderAll([sampleArticle()], 'full', FIXED_NOW);
    expect(again).toEqual(first);
  });

  it('changes its ETag when one character of the story changes', () => {
    const render = (headline: string) =>
      renderNewsmlItem({ article: sampleArticle({ headline }), level: 'full', now: FIXED_NOW });
    expect(render('Loukachenko appelle').etag).not.toBe(render('Loukachenko appelle.').etag);
  });

  it('of a feed does not depend on when it is rendered, only on the stories', () => {
    const at = (now: Date) =>
      renderAtom({ articles: [sampleArticle()], channel: sampleChannel(), level: 'full', now });
    expect(at(new Date('2030-01-01T00:00:00Z')).etag).toBe(at(FIXED_NOW).etag);
    // The NewsML-G2 message too: its `sent` is the newest change it carries, not the render time,
    // so two feed-api processes, or two rebuilds, answer the same validator.
    const message = (now: Date) =>
      renderNewsmlMessage({
        articles: [sampleArticle()],
        channel: sampleChannel(),
        level: 'full',
        now,
      });
    expect(message(new Date('2030-01-01T00:00:00Z')).etag).toBe(message(FIXED_NOW).etag);
  });

  it('says its media type and its last modification', () => {
    const all = renderAll([sampleArticle()], 'full', FIXED_NOW);
    const first: Record<string, Rendition | undefined> = {
      newsItems: all.newsItems[0],
      newsMessage: all.newsMessage,
      rss: all.rss,
      atom: all.atom,
      jsonFeed: all.jsonFeed,
      ninjs: all.ninjs[0],
    };
    const summary = Object.fromEntries(
      Object.entries(first).map(([format, rendition]) => [
        format,
        [rendition?.mediaType, rendition?.lastModified.toISOString()],
      ]),
    );
    const published = '2025-07-04T14:30:00.000Z';
    expect(summary).toEqual({
      newsItems: ['application/vnd.iptc.g2.newsitem+xml; charset=utf-8', published],
      newsMessage: ['application/vnd.iptc.g2.newsmessage+xml; charset=utf-8', published],
      rss: ['application/rss+xml; charset=utf-8', published],
      atom: ['application/atom+xml; charset=utf-8', published],
      jsonFeed: ['application/feed+json', published],
      ninjs: ['application/json', published],
    });
  });
});
