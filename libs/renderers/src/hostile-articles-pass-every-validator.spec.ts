import * as testing from '@depeche/testing';
import { expectTextsSurvive } from './test-support/expect-texts-survive';
import { expectValidatorsAccept } from './test-support/expect-validators-accept';
import { FIXED_NOW } from './test-support/fixed-clock';
import { hostileArticles, LEVELS } from './test-support/hostile-articles';
import { FORBIDDEN_CHARACTERS, MARKUP_LOOKALIKES } from './test-support/hostile-text';
import { renderAll } from './test-support/render-all';
import { sampleChannel } from './test-support/sample-channel';

/** 210 stories: every 20th has a 100 KB body (see hostile-articles.ts). Seed fixed: same stories on every run. */
const ARTICLES = hostileArticles(testing.sampleArticle(), 210, 20250704, FIXED_NOW);
/** The channel's own texts are hostile too. */
const hostileChannel = (selfUrl: string) => ({
  ...sampleChannel(selfUrl),
  title: 'Dépêches ]]> & <b>gras</b> \u0001 😀 مرحبا',
  description: 'a ]]> b &eacute; \u000B\r\n',
  publisher: 'webradio & <media>',
});

describe('210 generated stories with hostile text', () => {
  it('cover what they are meant to cover', () => {
    const text = JSON.stringify(ARTICLES);
    const bodies = ARTICLES.map((a) => Buffer.byteLength(JSON.stringify(a.body)));
    expect(MARKUP_LOOKALIKES.filter((s) => !text.includes(JSON.stringify(s).slice(1, -1)))).toEqual(
      [],
    );
    expect(
      FORBIDDEN_CHARACTERS.filter(
        (c) => !ARTICLES.some((a) => a.headline.includes(c) || a.standfirst.includes(c)),
      ),
    ).toEqual([]);
    expect(bodies.filter((size) => size >= 100 * 1024).length).toBeGreaterThanOrEqual(10);
    expect(new Set(ARTICLES.map((a) => a.change))).toEqual(
      new Set(['published', 'updated', 'corrected', 'withdrawn']),
    );
    expect(ARTICLES.some((a) => a.images.length === 0 && a.dateline === undefined)).toBe(true);
    expect(ARTICLES.some((a) => a.standfirst === '')).toBe(true);
  });

  describe.each(LEVELS)('at %s level', (level) => {
    const all = renderAll(ARTICLES, level, FIXED_NOW, hostileChannel);

    it('every rendition of every format passes its validators', async () => {
      await expectValidatorsAccept(testing, ARTICLES, all);
    }, 120_000);

    it('every text reads back exactly, less the characters XML cannot carry', async () => {
      await expectTextsSurvive(testing, ARTICLES, level, all);
    }, 120_000);
  });
});
