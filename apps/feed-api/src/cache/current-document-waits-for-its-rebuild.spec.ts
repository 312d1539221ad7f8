import { articleGuid } from '@depeche/article';
import { sampleArticle } from '@depeche/testing';
import { DocumentCache } from './document-cache';
import type { BuiltDocument, DocumentSpec } from './document-spec';

const story = (id: string) => sampleArticle({ id, guid: articleGuid('webradio media', id) });

/** A feed over `stored`, whose builds wait for the test to let them finish when `hold` is set. */
function feedOver(stored: string[]) {
  const gate = { hold: false, release: (): void => undefined };
  const spec: DocumentSpec = {
    key: 'feed',
    mayAdmit: () => true,
    async build(): Promise<BuiltDocument> {
      const members = new Set(stored);
      if (gate.hold) await new Promise<void>((resolve) => (gate.release = resolve));
      return { representation: undefined, members };
    },
  };
  return { spec, gate };
}

/**
 * What the WebSub hub relies on: the debounce may serve the previous bytes for a while, but a
 * reader that asks for the current document gets one that carries every change marked so far.
 */
describe('the current document of the cache', () => {
  it('is rebuilt before it is returned when a change has marked it, while others get the old one', async () => {
    // A second change within the window waits for the window's end: the debounce at work.
    const cache = new DocumentCache({
      capacity: 10,
      maxBytes: 1 << 20,
      debounceMs: 200,
      now: () => new Date(),
    });
    const stored = ['a'];
    const { spec } = feedOver(stored);
    await cache.get(spec);
    stored.push('b');
    cache.storiesChanged([story('b')]); // leading edge: rebuilt at once
    await new Promise((resolve) => setTimeout(resolve, 10));
    stored.push('c');
    cache.storiesChanged([story('c')]); // within the window: rebuilt at its end
    expect([...(await cache.get(spec)).members]).toEqual(['a', 'b']);
    expect([...(await cache.current(spec)).members]).toEqual(['a', 'b', 'c']);
  });

  it('waits for a rebuild already under way, whose mark is cleared but bytes not swapped yet', async () => {
    const cache = new DocumentCache({
      capacity: 10,
      maxBytes: 1 << 20,
      debounceMs: 0,
      now: () => new Date(),
    });
    const stored = ['a'];
    const { spec, gate } = feedOver(stored);
    await cache.get(spec);
    gate.hold = true;
    stored.push('b');
    cache.storiesChanged([story('b')]);
    // The rebuild has started (mark cleared) and is held inside build().
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect([...(cache.cached('feed')?.members ?? [])]).toEqual(['a']);
    const current = cache.current(spec);
    await expect(Promise.race([current, later(20)])).resolves.toBe('pending');
    gate.hold = false;
    gate.release();
    expect([...(await current).members]).toEqual(['a', 'b']);
  });

  it('is the cached one at once when no change marked it', async () => {
    const cache = new DocumentCache({
      capacity: 10,
      maxBytes: 1 << 20,
      debounceMs: 60_000,
      now: () => new Date(),
    });
    const { spec } = feedOver(['a']);
    const built = await cache.get(spec);
    await expect(Promise.race([cache.current(spec), later(50)])).resolves.toBe(built);
  });
});

function later(ms: number): Promise<'pending'> {
  return new Promise((resolve) => setTimeout(() => resolve('pending'), ms));
}
