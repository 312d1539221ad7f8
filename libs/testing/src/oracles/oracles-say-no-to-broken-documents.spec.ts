import { renderNewsmlMessage } from '@depeche/renderers';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleArticle } from '../sample-article';
import { checkFeed } from './check-feed';
import { oraclesDir } from './oracles-dir';
import { readHtmlTexts, readXmlTexts } from './read-xml';
import { validateAtom } from './validate-atom';
import { validateJsonFeed } from './validate-json-feed';
import { validateNewsml } from './validate-newsml';
import { validateNinjs, validateNinjsItems } from './validate-ninjs';

/** The wrappers must pass on the oracles' own "no": each is shown a good and a bad document. */
const sample = (...parts: string[]): Buffer => readFileSync(join(oraclesDir(), ...parts));

describe('the oracle wrappers', () => {
  it("NewsML-G2: accept IPTC's example, reject one without guid, and see a bad item inside a newsMessage", async () => {
    expect(
      (
        await validateNewsml(
          sample('newsml-g2', 'examples', 'LISTING_2_NewsML-G2_Text_Document.xml'),
        )
      ).ok,
    ).toBe(true);
    const noGuid = await validateNewsml(sample('newsml-g2', 'examples', 'invalid', 'no-guid.xml'));
    expect(noGuid.ok).toBe(false);
    expect(noGuid.output).toContain('guid');
    // itemSet holds its items with processContents="lax": check that they are validated anyway.
    const message = renderNewsmlMessage({
      articles: [sampleArticle()],
      channel: {
        id: 'urn:x',
        title: 't',
        description: 'd',
        language: 'fr',
        link: 'https://x.example/',
        selfUrl: 'https://x.example/feed',
        publisher: 'p',
        generator: 'g',
      },
      level: 'full',
      now: new Date('2025-07-04T15:00:00Z'),
    }).body.toString('utf8');
    expect((await validateNewsml(message)).ok).toBe(true);
    const broken = await validateNewsml(message.replace('<itemClass qcode="ninat:text"/>', ''));
    expect(broken.ok).toBe(false);
    expect(broken.output).toContain('itemClass');
  });

  it('Atom: accept the French sample, reject a missing feed id (jing) and a missing author (Schematron)', async () => {
    expect((await validateAtom(sample('samples', 'valid-fr.atom'))).ok).toBe(true);
    const noId = await validateAtom(sample('samples', 'invalid-missing-feed-id.atom'));
    expect([noId.ok, noId.output.includes('missing required element "id"')]).toEqual([false, true]);
    const noAuthor = await validateAtom(sample('samples', 'invalid-missing-author.atom'));
    expect([noAuthor.ok, noAuthor.output.includes('atom_rules.py (exit 1)')]).toEqual([
      false,
      true,
    ]);
  });

  it('feedparser: accept the French RSS with its title intact, reject an item without title or description', async () => {
    const good = await checkFeed(sample('samples', 'valid-fr.rss'));
    expect([good.ok, good.check.first_title]).toEqual([
      true,
      'Grève à la SNCF : l’économie régionale « très inquiète »',
    ]);
    expect(
      (await checkFeed(sample('samples', 'invalid-item-no-title-no-description.rss'))).ok,
    ).toBe(false);
  });

  it('JSON Feed: accept the French sample, reject one without item id', async () => {
    expect((await validateJsonFeed(sample('samples', 'valid-fr.json'))).ok).toBe(true);
    const bad = await validateJsonFeed(sample('samples', 'invalid-jsonfeed-no-id-bad-date.json'));
    expect([bad.ok, bad.output.includes('id')]).toEqual([false, true]);
  });

  it('ninjs: one item or a batch, a bad item is named by its place in the batch', async () => {
    const good = sample('ninjs', 'examples', '005_complex_text_article.json');
    const bad = sample('samples', 'invalid-ninjs-bad-status.json');
    expect((await validateNinjs(good)).ok).toBe(true);
    expect((await validateNinjs(bad)).ok).toBe(false);
    expect((await validateNinjsItems([good, good])).ok).toBe(true);
    const batch = await validateNinjsItems([good, bad]);
    expect([batch.ok, batch.output.includes('/associations/1/pubStatus')]).toEqual([false, true]);
    // An item with a top-level `name` is not valid ninjs, and is judged alone to say so.
    const named = JSON.stringify({ uri: 'urn:x:1', name: 'not a ninjs property' });
    expect((await validateNinjsItems([good, named])).ok).toBe(false);
  });

  it('reads XML and HTML back with libxml2, entities and all', async () => {
    const read = await readXmlTexts(
      '<a xmlns:x="urn:x"><x:b c="1 &amp; 2">&lt;p&gt;é&lt;/p&gt; &amp;amp;</x:b></a>',
      {
        namespaces: { x: 'urn:x' },
        text: { b: '//x:b', c: '//x:b/@c' },
        html: { h: '//x:b' },
      },
    );
    expect(read).toEqual({
      text: { b: ['<p>é</p> &amp;'], c: ['1 & 2'] },
      html: { h: [{ text: 'é &', blocks: ['é'] }] },
    });
    expect(await readHtmlTexts(['<p>a&apos;b</p><ul><li>c</li></ul>', ''])).toEqual([
      { text: "a'bc", blocks: ["a'b", 'c'] },
      { text: '', blocks: [] },
    ]);
  });

  it('fail with a clear message when the oracles folder is missing', () => {
    const saved = process.env.DEPECHE_ORACLES_DIR;
    process.env.DEPECHE_ORACLES_DIR = '/nonexistent/oracles';
    try {
      expect(() => oraclesDir()).toThrow(
        'The independent validators are not at /nonexistent/oracles',
      );
    } finally {
      if (saved === undefined) delete process.env.DEPECHE_ORACLES_DIR;
      else process.env.DEPECHE_ORACLES_DIR = saved;
    }
  });
});
