import { checkFeed, sampleArticle, validateAtom, validateJsonFeed } from '@depeche/testing';
import { renderAtom } from './atom/atom.renderer';
import { FEED_HISTORY_NAMESPACE } from './feed-history';
import { renderJsonFeed } from './json-feed/json-feed.renderer';
import { renderRss } from './rss/rss.renderer';
import { FIXED_NOW } from './test-support/fixed-clock';
import { sampleChannel } from './test-support/sample-channel';

const PAGE = 'https://feeds.webradio-media.example/archive/2025-07-04';
const PREVIOUS = 'https://feeds.webradio-media.example/archive/2025-07-03';
const CURRENT = 'https://feeds.webradio-media.example/international';

function archivePage(extension: string): Parameters<typeof renderAtom>[0] {
  const { nextUrl: _paged, ...channel } = sampleChannel(`${PAGE}.${extension}`);
  return {
    articles: [sampleArticle()],
    channel: {
      ...channel,
      archived: true,
      prevArchiveUrl: `${PREVIOUS}.${extension}`,
      currentUrl: `${CURRENT}.${extension}`,
    },
    level: 'full',
    now: FIXED_NOW,
  };
}

function accepted(verdict: { ok: boolean; output: string }): void {
  if (!verdict.ok) throw new Error(verdict.output);
  expect(verdict.ok).toBe(true);
}

describe('an RFC 5005 archive document', () => {
  it('in Atom carries fh:archive, prev-archive and current, and stays valid', async () => {
    const atom = renderAtom(archivePage('atom'));
    const text = atom?.body.toString('utf8') ?? '';
    expect(text).toContain(`<fh:archive xmlns:fh="${FEED_HISTORY_NAMESPACE}"/>`);
    expect(text).toContain(`<link rel="prev-archive" href="${PREVIOUS}.atom"/>`);
    expect(text).toContain(`<link rel="current" href="${CURRENT}.atom"/>`);
    // Ahead of the entries, where RFC 4287 lets foreign elements go.
    expect(text.indexOf('<fh:archive')).toBeLessThan(text.indexOf('<entry'));
    accepted(await validateAtom(atom?.body ?? Buffer.alloc(0)));
    accepted(await checkFeed(atom?.body ?? Buffer.alloc(0)));
  });

  it('in RSS carries fh:archive and the two links as atom:link, and feedparser reads it', async () => {
    const rss = renderRss(archivePage('rss'));
    const text = rss?.body.toString('utf8') ?? '';
    expect(text).toContain(`<fh:archive xmlns:fh="${FEED_HISTORY_NAMESPACE}"/>`);
    expect(text).toContain(`<atom:link rel="prev-archive" href="${PREVIOUS}.rss"/>`);
    expect(text).toContain(`<atom:link rel="current" href="${CURRENT}.rss"/>`);
    expect(text.indexOf('<fh:archive')).toBeLessThan(text.indexOf('<item>'));
    accepted(await checkFeed(rss?.body ?? Buffer.alloc(0)));
  });

  it('in JSON Feed, which has no archives, points to the older page with next_url', async () => {
    const json = renderJsonFeed(archivePage('json'));
    const feed = JSON.parse(json?.body.toString('utf8') ?? '{}') as Record<string, unknown>;
    expect(feed['next_url']).toBe(`${PREVIOUS}.json`);
    accepted(await validateJsonFeed(json?.body ?? Buffer.alloc(0)));
  });

  it('is the only kind of document that says so: a subscription document has no fh:archive', () => {
    const { archived: _flag, currentUrl: _current, ...channel } = archivePage('atom').channel;
    const text = renderAtom({ ...archivePage('atom'), channel })?.body.toString('utf8') ?? '';
    expect(text).not.toContain('fh:archive');
    expect(text).not.toContain('rel="current"');
    expect(text).toContain('rel="prev-archive"');
  });
});
