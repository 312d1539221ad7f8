import { sampleArticle } from '@depeche/testing';
import { join } from 'node:path';
import { FIXED_NOW } from '../test-support/fixed-clock';
import { expectGolden } from '../test-support/golden';
import { renderNinjs } from './ninjs.renderer';

it('renders the sample article as the golden ninjs item, byte for byte (UPDATE_GOLDEN=1 rewrites it)', () => {
  const { body } = renderNinjs({ article: sampleArticle(), level: 'full', now: FIXED_NOW });
  expectGolden(join(__dirname, '__golden__', 'sample.ninjs.json'), body);
});
