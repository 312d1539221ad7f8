import { articleGuid } from '@depeche/article';
import {
  checkFeed,
  readXmlTexts,
  sampleArticle,
  validateAtom,
  validateNewsml,
  validateNinjs,
} from '@depeche/testing';
import { FIXED_NOW } from './test-support/fixed-clock';
import { renderAll } from './test-support/render-all';

const NAR = { nar: 'http://iptc.org/std/nar/2006-10-01/' };
const live = sampleArticle();
const gone = sampleArticle({
  id: 'retiree',
  guid: articleGuid('webradio media', 'retiree'),
  version: 3,
  change: 'withdrawn',
  updatedAt: '2025-07-04T14:45:00.000Z',
  withdrawnAt: '2025-07-04T14:50:00.000Z',
});
const all = renderAll([live, gone], 'full', FIXED_NOW);

describe('a withdrawn story', () => {
  it('is a stat:canceled NewsML-G2 item without text, version kept, in the item and in the message', async () => {
    const item = all.newsItems[1]?.body ?? Buffer.alloc(0);
    const read = await readXmlTexts(item, {
      namespaces: NAR,
      text: {
        status: '/nar:newsItem/nar:itemMeta/nar:pubStatus/@qcode',
        version: '/nar:newsItem/@version',
        versionCreated: '/nar:newsItem/nar:itemMeta/nar:versionCreated',
        text: '/nar:newsItem/nar:contentSet | /nar:newsItem/nar:contentMeta/nar:description',
      },
    });
    expect(read.text).toEqual({
      status: ['stat:canceled'],
      version: ['3'],
      versionCreated: ['2025-07-04T14:50:00Z'],
      text: [],
    });
    const message = await readXmlTexts(all.newsMessage.body, {
      namespaces: NAR,
      text: { status: '//nar:newsItem/nar:itemMeta/nar:pubStatus/@qcode' },
    });
    expect(message.text.status).toEqual(['stat:usable', 'stat:canceled']);
    expect(await validateNewsml(item, all.newsMessage.body)).toEqual(
      expect.objectContaining({ ok: true }),
    );
  });

  it('is a canceled ninjs item without text', async () => {
    const ninjs = all.ninjs[1]?.body ?? Buffer.alloc(0);
    const item = JSON.parse(ninjs.toString('utf8')) as Record<string, unknown>;
    expect(item).toEqual(
      expect.objectContaining({ uri: gone.guid, pubStatus: 'canceled', version: '3' }),
    );
    expect([item.bodies, item.descriptions, item.associations]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(await validateNinjs(ninjs)).toEqual(expect.objectContaining({ ok: true }));
  });

  it('is an RFC 6721 at:deleted-entry in Atom, and no longer an entry', async () => {
    const read = await readXmlTexts(all.atom.body, {
      namespaces: {
        a: 'http://www.w3.org/2005/Atom',
        at: 'http://purl.org/atompub/tombstones/1.0',
      },
      text: {
        ref: '/a:feed/at:deleted-entry/@ref',
        when: '/a:feed/at:deleted-entry/@when',
        entries: '/a:feed/a:entry/a:id',
        updated: '/a:feed/a:updated',
      },
    });
    expect(read.text).toEqual({
      ref: [gone.guid],
      when: ['2025-07-04T14:50:00Z'],
      entries: [live.guid],
      // The withdrawal is the newest change of the feed.
      updated: ['2025-07-04T14:50:00Z'],
    });
    expect(await validateAtom(all.atom.body)).toEqual(expect.objectContaining({ ok: true }));
    expect(await checkFeed(all.atom.body)).toEqual(expect.objectContaining({ ok: true }));
  });

  it('is absent from RSS and JSON Feed, whose documents still date from the withdrawal', async () => {
    const rss = await readXmlTexts(all.rss.body, {
      text: { guids: '//item/guid', built: '/rss/channel/lastBuildDate' },
    });
    expect(rss.text).toEqual({ guids: [live.guid], built: ['Fri, 04 Jul 2025 14:50:00 +0000'] });
    const feed = JSON.parse(all.jsonFeed.body.toString('utf8')) as { items: { id: string }[] };
    expect(feed.items.map((item) => item.id)).toEqual([live.guid]);
    expect(all.jsonFeed.lastModified.toISOString()).toBe('2025-07-04T14:50:00.000Z');
  });
});
