import type { Partner } from '@depeche/entitlements';
import { Injectable, Logger } from '@nestjs/common';
import { Lru } from '../cache/lru';
import { Clock } from '../runtime/clock';
import { FeedStores } from '../runtime/feed-stores';
import { RefreshAheadCache } from '../runtime/refresh-ahead-cache';

/** How long a key's answer is reused: a revoked key stops working within this time. */
export const AUTH_CACHE_MS = 1_000;
const MAX_CACHED_KEYS = 10_000;

/** How long a key that was valid counts as no guess for the wrong-key limit (see AudienceGate). */
export const RECENTLY_VALID_MS = 15 * 60_000;

/**
 * Keys to partners through the partner store, the answer (yes or no) kept for a second per
 * process and re-read ahead of its expiry while the key is in use: a database round trip per
 * request would cap the 304 path far below the target, and a second is as long as a revocation
 * or a suspension may take to bite.
 */
@Injectable()
export class Authenticator {
  private readonly logger = new Logger('feed-api');
  private readonly answers: RefreshAheadCache<Partner | undefined>;
  /** When each key was last found valid: a partner's key is no guess, however rarely it polls. */
  private readonly validAt = new Lru<number>(MAX_CACHED_KEYS);

  constructor(
    private readonly stores: FeedStores,
    private readonly clock: Clock,
  ) {
    this.answers = new RefreshAheadCache(
      AUTH_CACHE_MS,
      MAX_CACHED_KEYS,
      () => clock.now().getTime(),
      (_key, error) => this.logger.warn(`re-reading an API key failed: ${String(error)}`),
    );
  }

  /** Whether the answer for this key is known without a database read. */
  knows(rawKey: string): boolean {
    return this.answers.has(rawKey);
  }

  /** The key's answer when known without a database read, else undefined. */
  knownAnswer(rawKey: string): { readonly value: Partner | undefined } | undefined {
    return this.answers.getAtOnce(rawKey, () => this.load(rawKey));
  }

  /** Whether this key was found valid within RECENTLY_VALID_MS (it may have been revoked since). */
  wasValidLately(rawKey: string): boolean {
    const at = this.validAt.get(rawKey);
    return at !== undefined && this.clock.now().getTime() - at < RECENTLY_VALID_MS;
  }

  partnerOf(rawKey: string): Partner | undefined | Promise<Partner | undefined> {
    return this.answers.get(rawKey, () => this.load(rawKey));
  }

  /**
   * The key read from the store, and its memory of validity kept with it: both the route's reads
   * and the front door's background re-reads go through here, or a partner polled only through
   * the front door would stop counting as recently valid after RECENTLY_VALID_MS.
   */
  private async load(rawKey: string): Promise<Partner | undefined> {
    const partner = await this.stores.partners.authenticate(rawKey, this.clock.now());
    // A key found revoked or expired is a wrong key again at once, limited as any other.
    if (partner) this.validAt.set(rawKey, this.clock.now().getTime());
    else this.validAt.delete(rawKey);
    return partner;
  }
}
