import { sampleArticle } from '@depeche/testing';
import { renderPush } from './push-rendition';

describe('a pushed JSON Feed or Atom document', () => {
  const article = sampleArticle({ id: 'story/1', version: 3 });
  const now = new Date('2026-06-01T12:00:00Z');

  it('links to itself at feed-api in its own format, not the NewsML-G2 default of the bare URL', () => {
    const json = JSON.parse(
      renderPush('json', article, 'full', now, 'https://feeds.test/').body.toString('utf8'),
    ) as { feed_url?: string };
    expect(json.feed_url).toBe('https://feeds.test/v1/items/story%2F1/versions/3?format=json');
    const atom = renderPush('atom', article, 'full', now, 'https://feeds.test').body.toString(
      'utf8',
    );
    expect(atom).toContain(
      '<link rel="self" type="application/atom+xml" href="https://feeds.test/v1/items/story%2F1/versions/3?format=atom"/>',
    );
  });
});
