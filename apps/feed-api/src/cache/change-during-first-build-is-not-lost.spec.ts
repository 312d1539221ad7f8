import { articleGuid } from '@depeche/article';
import { sampleArticle } from '@depeche/testing';
import { DocumentCache } from './document-cache';
import type { BuiltDocument, DocumentSpec } from './document-spec';

/**
 * A first build reads the index, then awaits the database (the newest archive day); a change
 * applied in between is not in its bytes. The CI run that found this served an empty feed for
 * a minute after the story was stored.
 */
describe('a change applied while a document is first built', () => {
  it('is rebuilt into it instead of leaving the stale first build cached', async () => {
    const cache = new DocumentCache({
      capacity: 10,
      maxBytes: 1 << 20,
      debounceMs: 0,
      now: () => new Date(),
    });
    const stored: string[] = [];
    let releaseFirstRead: () => void = () => undefined;
    let builds = 0;
    const spec: DocumentSpec = {
      key: 'feed',
      mayAdmit: () => true,
      async build(): Promise<BuiltDocument> {
        const members = new Set(stored); // read before the await, as the feed documents do
        if (builds++ === 0) await new Promise<void>((resolve) => (releaseFirstRead = resolve));
        return { representation: undefined, members };
      },
    };
    const first = cache.get(spec);
    stored.push('a-1');
    cache.storiesChanged([
      sampleArticle({ id: 'a-1', guid: articleGuid('webradio media', 'a-1') }),
    ]);
    releaseFirstRead();
    expect([...(await first).members]).toEqual([]); // the first caller gets what was read
    await cache.settled();
    expect([...(cache.cached('feed')?.members ?? [])]).toEqual(['a-1']);
    expect(builds).toBe(2);
  });
});
