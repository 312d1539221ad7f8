import type { Partner } from '@depeche/entitlements';
import type { Clock } from '../runtime/clock';
import type { FeedStores } from '../runtime/feed-stores';
import { AUTH_CACHE_MS, Authenticator, RECENTLY_VALID_MS } from './authenticator';

/** The partner store's answer to one key, which the test changes (a revocation). */
function world() {
  let now = Date.UTC(2026, 10, 29);
  let valid = true;
  const stores = {
    partners: {
      authenticate: () => Promise.resolve(valid ? ({ id: 'le-soir' } as Partner) : undefined),
    },
  } as unknown as FeedStores;
  const clock: Clock = { now: () => new Date(now) };
  return {
    authenticator: new Authenticator(stores, clock),
    advance: (ms: number) => (now += ms),
    revoke: () => (valid = false),
  };
}

describe('a key found valid', () => {
  it('counts as no guess for a while, and not once it is found revoked', async () => {
    const { authenticator, advance, revoke } = world();
    expect(authenticator.wasValidLately('key')).toBe(false);
    expect(await authenticator.partnerOf('key')).toEqual({ id: 'le-soir' });
    expect(authenticator.wasValidLately('key')).toBe(true);
    revoke();
    advance(AUTH_CACHE_MS + 1);
    expect(await authenticator.partnerOf('key')).toBeUndefined();
    expect(authenticator.wasValidLately('key')).toBe(false);
  });

  it('stops counting after RECENTLY_VALID_MS', async () => {
    const { authenticator, advance } = world();
    await authenticator.partnerOf('key');
    advance(RECENTLY_VALID_MS);
    expect(authenticator.wasValidLately('key')).toBe(false);
  });

  it('keeps counting while the front door alone re-reads it, and stops once a re-read refuses it', async () => {
    const { authenticator, advance, revoke } = world();
    await authenticator.partnerOf('key');
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    // Polled through the front door only: past half its life, an answer is served at once and
    // re-read in the background (RefreshAheadCache), which is all that keeps it current.
    const step = Math.round(AUTH_CACHE_MS * 0.75);
    for (let elapsed = 0; elapsed <= RECENTLY_VALID_MS; elapsed += step) {
      advance(step);
      expect(authenticator.knownAnswer('key')?.value).toEqual({ id: 'le-soir' });
      await settle();
    }
    expect(authenticator.wasValidLately('key')).toBe(true);
    revoke();
    advance(step);
    authenticator.knownAnswer('key');
    await settle();
    expect(authenticator.wasValidLately('key')).toBe(false);
  });
});
