import type { Partner } from '@depeche/entitlements';
import { Injectable } from '@nestjs/common';
import { Clock } from '../runtime/clock';
import { FeedStores } from '../runtime/feed-stores';

/** How long a key's answer is reused: a revoked key stops working within this time. */
export const AUTH_CACHE_MS = 1_000;
const MAX_CACHED_KEYS = 10_000;

/**
 * Keys to partners through the partner store, the answer (yes or no) kept for a second per
 * process: a database round trip per request would cap the 304 path far below the target, and a
 * second is as long as a revocation or a suspension may take to bite.
 */
@Injectable()
export class Authenticator {
  private readonly answers = new Map<string, { partner: Partner | undefined; until: number }>();

  constructor(
    private readonly stores: FeedStores,
    private readonly clock: Clock,
  ) {}

  async partnerOf(rawKey: string): Promise<Partner | undefined> {
    const now = this.clock.now();
    const cached = this.answers.get(rawKey);
    if (cached && cached.until > now.getTime()) return cached.partner;
    const partner = await this.stores.partners.authenticate(rawKey, now);
    if (this.answers.size >= MAX_CACHED_KEYS) this.answers.clear();
    this.answers.set(rawKey, { partner, until: now.getTime() + AUTH_CACHE_MS });
    return partner;
  }
}
