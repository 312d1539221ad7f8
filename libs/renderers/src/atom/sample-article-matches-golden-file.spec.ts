import { sampleArticle } from '@depeche/testing';
import { join } from 'node:path';
import { FIXED_NOW } from '../test-support/fixed-clock';
import { expectGolden } from '../test-support/golden';
import { sampleChannel } from '../test-support/sample-channel';
import { renderAtom } from './atom.renderer';

it('renders the sample article as the golden Atom feed, byte for byte (UPDATE_GOLDEN=1 rewrites it)', () => {
  const { body } = renderAtom({
    articles: [sampleArticle()],
    channel: sampleChannel('https://feeds.webradio-media.example/international.atom'),
    level: 'full',
    now: FIXED_NOW,
  });
  expectGolden(join(__dirname, '__golden__', 'sample.atom'), body);
});
