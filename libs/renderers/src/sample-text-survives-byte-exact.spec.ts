import * as testing from '@depeche/testing';
import { expectTextsSurvive } from './test-support/expect-texts-survive';
import { FIXED_NOW } from './test-support/fixed-clock';
import { LEVELS } from './test-support/hostile-articles';
import { renderAll } from './test-support/render-all';

describe('the sample article (a real French story with « », ’ and accents)', () => {
  it('is built from the fixture lines, so the comparison below is against the source text', () => {
    const lines = testing.sampleLines();
    const article = testing.sampleArticle();
    // fixtures/README.md: line 2 is the headline, 5 the standfirst, 9 the first paragraph.
    expect(article.headline).toBe(lines[2]);
    expect(article.standfirst).toBe(lines[5]);
    expect(article.body[0]).toEqual({ type: 'p', children: [{ type: 'text', text: lines[9] }] });
  });

  it.each(LEVELS)(
    'reads back byte-exact at %s level: headline, standfirst and each paragraph, in every format',
    async (level) => {
      const articles = [testing.sampleArticle()];
      await expectTextsSurvive(testing, articles, level, renderAll(articles, level, FIXED_NOW));
    },
    30_000,
  );
});
