import { LEVELS } from './test-support/hostile-articles';
import * as testing from '@depeche/testing';
import { expectValidatorsAccept } from './test-support/expect-validators-accept';
import { FIXED_NOW } from './test-support/fixed-clock';
import { renderAll } from './test-support/render-all';

describe.each(LEVELS)('the sample article at %s level', (level) => {
  it('passes xmllint (NewsML-G2 2.35), jing + atom_rules (Atom), feedparser (RSS, Atom), ajv (JSON Feed 1.1, ninjs 3.1)', async () => {
    const articles = [testing.sampleArticle()];
    await expectValidatorsAccept(testing, articles, renderAll(articles, level, FIXED_NOW));
  }, 30_000);
});
