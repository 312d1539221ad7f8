import { sampleArticle } from '@depeche/testing';
import { join } from 'node:path';
import { FIXED_NOW } from '../test-support/fixed-clock';
import { expectGolden } from '../test-support/golden';
import { sampleChannel } from '../test-support/sample-channel';
import { renderNewsmlItem, renderNewsmlMessage } from './newsml-g2.renderer';

const golden = (name: string): string => join(__dirname, '__golden__', name);

describe('the sample article in NewsML-G2 (UPDATE_GOLDEN=1 rewrites the files)', () => {
  it('is the golden newsItem, byte for byte', () => {
    const { body } = renderNewsmlItem({ article: sampleArticle(), level: 'full', now: FIXED_NOW });
    expectGolden(golden('sample.newsitem.xml'), body);
  });

  it('is the golden newsMessage, byte for byte', () => {
    const { body } = renderNewsmlMessage({
      articles: [sampleArticle()],
      channel: sampleChannel('https://feeds.webradio-media.example/international.xml'),
      level: 'full',
      now: FIXED_NOW,
    });
    expectGolden(golden('sample.newsmessage.xml'), body);
  });
});
