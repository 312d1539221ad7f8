import {
  checkFeed,
  readXmlTexts,
  sampleArticle,
  validateAtom,
  validateJsonFeed,
} from '@depeche/testing';
import { articleGuid } from '@depeche/article';
import { documentUpdated } from './article-times';
import { renderAtom } from './atom/atom.renderer';
import { renderJsonFeed } from './json-feed/json-feed.renderer';
import { renderNewsmlMessage } from './newsml-g2/newsml-g2.renderer';
import { renderRss } from './rss/rss.renderer';
import { FIXED_NOW } from './test-support/fixed-clock';
import { sampleChannel } from './test-support/sample-channel';

const older = sampleArticle({ updatedAt: '2025-07-04T14:35:00.000Z' });
const newer = sampleArticle({
  id: 'autre',
  guid: articleGuid('webradio media', 'autre'),
  firstPublishedAt: '2025-07-04T13:00:00.000Z',
  updatedAt: '2025-07-04T14:58:00.000Z',
});

describe("a feed's updated / lastBuildDate", () => {
  it('is the newest version time among its stories, in whatever order they come', () => {
    expect(documentUpdated([older, newer], FIXED_NOW).toISOString()).toBe(
      '2025-07-04T14:58:00.000Z',
    );
    expect(documentUpdated([newer, older], FIXED_NOW).toISOString()).toBe(
      '2025-07-04T14:58:00.000Z',
    );
  });

  it('is the change of the view when that is newer (a story withdrawn or lifted since)', async () => {
    const changedAt = new Date('2025-07-04T14:59:30.000Z');
    const input = { articles: [older, newer], channel: sampleChannel(), level: 'full' as const };
    const rss = renderRss({ ...input, now: FIXED_NOW, changedAt });
    const atom = renderAtom({ ...input, now: FIXED_NOW, changedAt });
    const json = renderJsonFeed({ ...input, now: FIXED_NOW, changedAt });
    const message = renderNewsmlMessage({ ...input, now: FIXED_NOW, changedAt });
    const built = await readXmlTexts(rss.body, { text: { built: '/rss/channel/lastBuildDate' } });
    const updated = await readXmlTexts(atom.body, {
      namespaces: { a: 'http://www.w3.org/2005/Atom' },
      text: { updated: '/a:feed/a:updated' },
    });
    const sent = await readXmlTexts(message.body, {
      namespaces: { n: 'http://iptc.org/std/nar/2006-10-01/' },
      text: { sent: '/n:newsMessage/n:header/n:sent' },
    });
    expect([built.text.built, updated.text.updated, sent.text.sent]).toEqual([
      ['Fri, 04 Jul 2025 14:59:30 +0000'],
      ['2025-07-04T14:59:30Z'],
      ['2025-07-04T14:59:30Z'],
    ]);
    for (const rendition of [rss, atom, json, message]) {
      expect(rendition.lastModified).toEqual(changedAt);
    }
    // An older change of the view leaves the newest version time in charge.
    const earlier = new Date('2025-07-04T14:00:00.000Z');
    expect(documentUpdated([older, newer], FIXED_NOW, earlier).toISOString()).toBe(
      '2025-07-04T14:58:00.000Z',
    );
  });

  it('is now when the feed is empty; the empty feeds still validate', async () => {
    const input = {
      articles: [],
      channel: sampleChannel(),
      level: 'full' as const,
      now: FIXED_NOW,
    };
    const rss = renderRss(input);
    const atom = renderAtom(input);
    const json = renderJsonFeed(input);
    const built = await readXmlTexts(rss.body, { text: { built: '/rss/channel/lastBuildDate' } });
    const updated = await readXmlTexts(atom.body, {
      namespaces: { a: 'http://www.w3.org/2005/Atom' },
      text: { updated: '/a:feed/a:updated' },
    });
    expect([built.text.built, updated.text.updated, json.lastModified]).toEqual([
      ['Fri, 04 Jul 2025 15:00:00 +0000'],
      ['2025-07-04T15:00:00Z'],
      FIXED_NOW,
    ]);
    for (const verdict of await Promise.all([
      checkFeed(rss.body, { minEntries: 0 }),
      checkFeed(atom.body, { minEntries: 0 }),
      validateAtom(atom.body),
      validateJsonFeed(json.body),
    ])) {
      expect(verdict).toEqual(expect.objectContaining({ ok: true }));
    }
  });
});
