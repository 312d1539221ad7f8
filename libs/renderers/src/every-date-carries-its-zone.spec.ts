import { readXmlTexts, sampleArticle } from '@depeche/testing';
import { FIXED_NOW } from './test-support/fixed-clock';
import { renderAll } from './test-support/render-all';
import { RFC_822 } from './test-support/expect-validators-accept';

/** RFC 3339 §5.6 date-time: the offset is not optional. */
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

it('writes every date with an explicit zone: RFC 3339 in NewsML-G2, Atom, JSON Feed and ninjs, RFC 822 in RSS', async () => {
  const article = sampleArticle({
    updatedAt: '2025-07-04T14:31:02.250Z',
    embargoUntil: '2025-07-04T18:00:00.000Z',
    rights: { ...sampleArticle().rights, expiresAt: '2026-07-04T00:00:00.000Z' },
  });
  const all = renderAll([article], 'full', FIXED_NOW);
  const nar = await readXmlTexts(all.newsMessage.body, {
    namespaces: { nar: 'http://iptc.org/std/nar/2006-10-01/' },
    text: {
      dates:
        '//nar:sent | //nar:versionCreated | //nar:firstCreated | //nar:embargoed | //nar:expires | //nar:contentCreated | //nar:contentModified',
    },
  });
  const atom = await readXmlTexts(all.atom.body, {
    namespaces: { a: 'http://www.w3.org/2005/Atom' },
    text: { dates: '//a:updated | //a:published' },
  });
  const rss = await readXmlTexts(all.rss.body, { text: { dates: '//pubDate | //lastBuildDate' } });
  const json = JSON.parse(all.jsonFeed.body.toString('utf8')) as {
    items: { date_published: string; date_modified: string }[];
  };
  const ninjs = JSON.parse(all.ninjs[0]?.body.toString('utf8') ?? '{}') as Record<string, string>;
  const rfc3339 = [
    ...(nar.text.dates ?? []),
    ...(atom.text.dates ?? []),
    ...json.items.flatMap((item) => [item.date_published, item.date_modified]),
    ...['firstCreated', 'versionCreated', 'contentCreated', 'embargoedUntil', 'expires'].map(
      (key) => ninjs[key] ?? `missing ${key}`,
    ),
  ];
  // 7 NewsML-G2 dates + 3 Atom + 2 JSON Feed + 5 ninjs.
  expect(rfc3339).toHaveLength(17);
  expect(rfc3339.filter((date) => !RFC_3339.test(date))).toEqual([]);
  expect(rss.text.dates).toHaveLength(2);
  expect((rss.text.dates ?? []).filter((date) => !RFC_822.test(date))).toEqual([]);
  // Milliseconds survive where the format can carry them.
  expect(json.items[0]?.date_modified).toBe('2025-07-04T14:31:02.250Z');
});
