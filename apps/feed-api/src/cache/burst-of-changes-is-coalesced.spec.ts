import { articleGuid, type Article } from '@depeche/article';
import { sampleArticle } from '@depeche/testing';
import { DocumentCache } from './document-cache';
import type { DocumentSpec } from './document-spec';

function story(id: string): Article {
  return sampleArticle({ id, guid: articleGuid('webradio media', id) });
}

/** A document that carries the stories whose id starts with its prefix, and counts its builds. */
function counted(prefix: string): DocumentSpec & { builds: number } {
  const spec = {
    key: prefix,
    builds: 0,
    mayAdmit: (article: Article) => article.id.startsWith(prefix),
    build: () => {
      spec.builds++;
      return Promise.resolve({
        representation: undefined,
        members: new Set<string>([`${prefix}-1`]),
      });
    },
  };
  return spec;
}

describe('the document cache', () => {
  it('rebuilds a document once for a burst of changes, and leaves unaffected ones alone', async () => {
    const cache = new DocumentCache({
      capacity: 10,
      maxBytes: 1 << 20,
      debounceMs: 30,
      now: () => new Date(),
    });
    const sport = counted('sport');
    const culture = counted('culture');
    await cache.get(sport);
    await cache.get(culture);
    // 20 changes within the debounce window, all in sport.
    for (let i = 0; i < 20; i++) cache.storiesChanged([story(`sport-${i}`)]);
    await cache.settled();
    expect([sport.builds, culture.builds]).toEqual([2, 1]); // first build + one rebuild; untouched
    // A member leaving counts too.
    cache.storiesChanged([story('culture-1')]);
    await cache.settled();
    expect(culture.builds).toBe(2);
    expect(cache.rebuildCount()).toBe(2);
  });

  it('shares one build among concurrent first requests and forgets the least recently used', async () => {
    const cache = new DocumentCache({
      capacity: 1,
      maxBytes: 1 << 20,
      debounceMs: 0,
      now: () => new Date(),
    });
    const a = counted('a');
    await Promise.all([cache.get(a), cache.get(a), cache.get(a)]);
    expect(a.builds).toBe(1);
    await cache.get(counted('b'));
    await cache.get(a);
    expect(a.builds).toBe(2);
  });
});
