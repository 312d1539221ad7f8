import type { Partner } from '@depeche/entitlements';
import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../runtime/clock';
import { FeedStores } from '../runtime/feed-stores';
import { RefreshAheadCache } from '../runtime/refresh-ahead-cache';

/** How long a key's answer is reused: a revoked key stops working within this time. */
export const AUTH_CACHE_MS = 1_000;
const MAX_CACHED_KEYS = 10_000;

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
    return this.answers.getAtOnce(rawKey, () =>
      this.stores.partners.authenticate(rawKey, this.clock.now()),
    );
  }

  partnerOf(rawKey: string): Partner | undefined | Promise<Partner | undefined> {
    return this.answers.get(rawKey, () =>
      this.stores.partners.authenticate(rawKey, this.clock.now()),
    );
  }
}
