import type { Partner } from '@depeche/entitlements';
import type { ChangeRecord } from '@depeche/persistence';
import { Injectable } from '@nestjs/common';
import { FeedApiEnv } from '../config/feed-api.env';
import { FeedLinks } from '../feeds/feed-links';
import { FeedRuntime } from '../runtime/feed-runtime';
import { FeedStores } from '../runtime/feed-stores';
import { decodeCursor, encodeCursor } from './change-cursor';
import type { ChangeEntry, ChangePage } from './change-page';
import type { ChangesQuery } from './change.params';
import { changeVisibility } from './change-visibility';

const DEFAULT_LIMIT = 100;
/** Rows read per query; a partner that sees little may need several reads to fill a page. */
const ROWS_PER_READ = 500;
/** Rows scanned per answer at most: the cursor moves past them and the client asks again. */
const MAX_SCANNED = 5_000;

/**
 * The change stream: every change the partner may see, oldest first, read straight from the
 * change log in seq order. With `wait`, an empty answer is held until a change arrives (the poll
 * loop wakes it) or the time is up.
 */
@Injectable()
export class ChangeService {
  private readonly links: FeedLinks;

  constructor(
    private readonly stores: FeedStores,
    private readonly runtime: FeedRuntime,
    env: FeedApiEnv,
  ) {
    this.links = new FeedLinks(env);
  }

  async changes(partner: Partner, query: ChangesQuery): Promise<ChangePage> {
    let seq = decodeCursor(query.cursor);
    const limit = query.limit ?? DEFAULT_LIMIT;
    const deadline = Date.now() + (query.wait ?? 0) * 1000;
    for (;;) {
      const page = await this.read(partner, seq, limit);
      seq = page.seq;
      if (page.changes.length > 0 || page.more || Date.now() >= deadline) {
        return { changes: page.changes, cursor: encodeCursor(seq), more: page.more };
      }
      await this.runtime.follower.nextChange(deadline - Date.now());
    }
  }

  private async read(
    partner: Partner,
    after: number,
    limit: number,
  ): Promise<{ changes: ChangeEntry[]; seq: number; more: boolean }> {
    const changes: ChangeEntry[] = [];
    let seq = after;
    let scanned = 0;
    while (scanned < MAX_SCANNED) {
      const rows = await this.stores.changes.after(seq, ROWS_PER_READ);
      for (const row of rows) {
        if (changes.length >= limit) return { changes, seq, more: true };
        seq = row.seq;
        const entry = this.entryOf(partner, row);
        if (entry) changes.push(entry);
      }
      scanned += rows.length;
      if (rows.length < ROWS_PER_READ) return { changes, seq, more: false };
    }
    return { changes, seq, more: true };
  }

  private entryOf(partner: Partner, row: ChangeRecord): ChangeEntry | undefined {
    const seen = changeVisibility(partner.entitlement, row);
    if (!seen.visible) return undefined;
    return {
      cursor: encodeCursor(row.seq),
      id: row.articleId,
      guid: row.article.guid,
      version: row.version,
      change: row.change,
      recordedAt: row.recordedAt,
      embargoed: seen.embargoed,
      ...(seen.embargoed && row.article.embargoUntil !== undefined
        ? { embargoUntil: row.article.embargoUntil }
        : {}),
      href: this.links.item(row.articleId, row.version),
    };
  }
}
