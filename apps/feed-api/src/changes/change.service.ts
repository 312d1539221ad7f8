import {
  changeVisibility,
  leavesTheView,
  mayUseFormat,
  type Partner,
  type Visibility,
} from '@depeche/entitlements';
import type { Article } from '@depeche/article';
import type { ChangeHead } from '@depeche/persistence';
import { Injectable } from '@nestjs/common';
import { FeedApiEnv } from '../config/feed-api.env';
import { FeedLinks } from '../feeds/feed-links';
import { DEFAULT_ITEM_FORMAT, ITEM_FORMATS } from '../items/item-format';
import { FeedRuntime } from '../runtime/feed-runtime';
import { FeedStores } from '../runtime/feed-stores';
import { decodeCursor, encodeCursor } from './change-cursor';
import type { ChangeEntry, ChangePage } from './change-page';
import type { ChangesQuery } from './change.params';
import { VersionFacts, versionKey } from './version-facts';

const DEFAULT_LIMIT = 100;
/**
 * Rows read per query at most. The first read asks for one row more than the page (enough when
 * the partner sees every change, and to know whether more wait); a partner that sees little needs
 * further reads, each twice the size of the one before, up to this.
 */
const ROWS_PER_READ = 500;
/** Versions whose facts are kept (a few hundred bytes each): the recent history most reads ask for. */
const FACTS_CACHED = 10_000;
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
  private readonly facts: VersionFacts;

  constructor(
    private readonly stores: FeedStores,
    private readonly runtime: FeedRuntime,
    env: FeedApiEnv,
  ) {
    this.links = new FeedLinks(env);
    this.facts = new VersionFacts(stores.articles, FACTS_CACHED);
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
    let size = Math.min(ROWS_PER_READ, limit + 1);
    while (scanned < MAX_SCANNED) {
      const rows = await this.stores.changes.headsAfter(seq, size);
      const facts = await this.facts.of(rows);
      const departures = await this.departures(partner, rows, facts);
      for (const row of rows) {
        if (changes.length >= limit) return { changes, seq, more: true };
        seq = row.seq;
        // A change whose version is not stored (never written by ingest) is nobody's to see.
        const article = facts.get(versionKey(row.articleId, row.version));
        const entry =
          article &&
          (departures.has(row.seq)
            ? this.departureOf(partner, row, article)
            : this.entryOf(partner, row, article));
        if (entry) changes.push(entry);
      }
      scanned += rows.length;
      if (rows.length < size) return { changes, seq, more: false };
      size = Math.min(ROWS_PER_READ, size * 2);
    }
    return { changes, seq, more: true };
  }

  /**
   * The version's item URL, in a format the partner may fetch: the item endpoint's default is
   * NewsML-G2, and a partner without it was sent a link answered 403. One with no item format at
   * all gets the plain URL (its 403 says which formats it lacks).
   */
  private hrefOf(partner: Partner, row: ChangeHead): string {
    const format = ITEM_FORMATS.find((f) => mayUseFormat(partner.entitlement, f));
    return this.links.item(
      row.articleId,
      row.version,
      format === DEFAULT_ITEM_FORMAT ? undefined : format,
    );
  }

  /**
   * The changes of `rows` that take a story the partner held out of its view (leavesTheView): the
   * story moved to a section, language or territory it lacks, or its rights expired. Without an
   * entry for them the partner would keep the last version it saw for good. What the partner held
   * is read from the story's earlier changes, judged as each was when recorded, so the answer for
   * a change never changes either. One query per read, for the stories of hidden changes only.
   */
  private async departures(
    partner: Partner,
    rows: readonly ChangeHead[],
    facts: ReadonlyMap<string, Article>,
  ): Promise<Set<number>> {
    const hidden = new Map<ChangeHead, Visibility>();
    for (const row of rows) {
      const article = facts.get(versionKey(row.articleId, row.version));
      if (!article || row.change === 'released') continue;
      const seen = changeVisibility(partner.entitlement, row, article);
      if (!seen.visible && seen.reason !== 'embargo') hidden.set(row, seen);
    }
    const departed = new Set<number>();
    if (hidden.size === 0) return departed;
    const last = Math.max(...[...hidden.keys()].map((row) => row.seq));
    const history = await this.stores.changes.historyBefore(
      [...hidden.keys()].map((row) => row.articleId),
      last,
    );
    const historyFacts = await this.facts.of(history);
    const byStory = new Map<string, ChangeHead[]>();
    for (const change of history) {
      const story = byStory.get(change.articleId);
      if (story) story.push(change);
      else byStory.set(change.articleId, [change]);
    }
    for (const [row, after] of hidden) {
      const before = heldBefore(partner, byStory.get(row.articleId) ?? [], row.seq, historyFacts);
      if (before && leavesTheView(before, after)) departed.add(row.seq);
    }
    return departed;
  }

  /** A change that took the story out of the partner's view: `revoked`, to take it down. */
  private departureOf(partner: Partner, row: ChangeHead, article: Article): ChangeEntry {
    return {
      cursor: encodeCursor(row.seq),
      id: row.articleId,
      guid: article.guid,
      version: row.version,
      change: 'revoked',
      recordedAt: row.recordedAt,
      embargoed: false,
      href: this.hrefOf(partner, row),
    };
  }

  private entryOf(partner: Partner, row: ChangeHead, article: Article): ChangeEntry | undefined {
    const seen = changeVisibility(partner.entitlement, row, article);
    if (!seen.visible) return undefined;
    return {
      cursor: encodeCursor(row.seq),
      id: row.articleId,
      guid: article.guid,
      version: row.version,
      change: row.change,
      recordedAt: row.recordedAt,
      embargoed: seen.embargoed,
      ...(seen.embargoed && article.embargoUntil !== undefined
        ? { embargoUntil: article.embargoUntil }
        : {}),
      href: this.hrefOf(partner, row),
    };
  }
}

/**
 * What the partner held of a story after its changes before `seq` (`story`: oldest first): the
 * visibility of the newest one it saw, unless that was the withdrawal or a change hidden from it
 * since (for a reason other than an embargo, which leaves it what it had). undefined: nothing.
 */
function heldBefore(
  partner: Partner,
  story: readonly ChangeHead[],
  seq: number,
  facts: ReadonlyMap<string, Article>,
): Visibility | undefined {
  for (let i = story.length - 1; i >= 0; i--) {
    const change = story[i] as ChangeHead;
    if (change.seq >= seq) continue;
    const article = facts.get(versionKey(change.articleId, change.version));
    if (!article) continue;
    const seen = changeVisibility(partner.entitlement, change, article);
    if (seen.visible) return change.change === 'withdrawn' ? undefined : seen;
    if (seen.reason !== 'embargo') return undefined;
  }
  return undefined;
}
