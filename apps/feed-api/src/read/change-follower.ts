import type { Article } from '@depeche/article';
import {
  recordReleases,
  type ChangeLog,
  type FeedReadModel,
  type SqlDatabase,
} from '@depeche/persistence';
import { Logger } from '@nestjs/common';
import type { DocumentCache } from '../cache/document-cache';
import type { Clock } from '../runtime/clock';
import type { ArticleIndex } from './article-index';
import { VisibilitySchedule } from './visibility-schedule';

export interface ChangeFollowerOptions {
  readonly pollMs: number;
  /** How far back the first release scan looks (embargoes that lifted while no feed-api ran). */
  readonly releaseLookbackMs: number;
  /** A full release scan this often, for stories outside the in-memory window. */
  readonly releaseSweepMs: number;
}

const MARKS_PER_READ = 1_000;

/**
 * Keeps this process's view current, whoever changed the store (ingest, another feed-api): on
 * PostgreSQL a round runs as soon as a writer's NOTIFY arrives (`wake`, wired in FeedRuntime);
 * and every `pollMs` anyway (the only signal on SQLite, the fallback on PostgreSQL) it reads
 * MAX(seq) of the change log, one index lookup on both databases; when it moved, it reads the new changes' stories, updates the in-memory index and marks the cached
 * documents they can affect. On the same tick it checks the clock against the next embargo lift
 * or rights expiry, records `released` changes for lifted embargoes (idempotent, so every process
 * may do it) and rebuilds what the lift affects. Long-polls wait on it.
 */
export class ChangeFollower {
  private readonly logger = new Logger('feed-api');
  private readonly waiters = new Set<() => void>();
  private readonly schedule: VisibilitySchedule;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private lastSweep = 0;
  private releasedUpTo: Date;
  private seq = 0;
  /** The clock time of the last round's visibility check: lifts and expiries due by then are applied. */
  private viewAt = 0;
  private readonly roundWaiters = new Set<() => void>();
  private running: Promise<void> | undefined;
  /** A wake-up arrived during a round: that round may have read MAX(seq) before the change. */
  private again = false;

  constructor(
    private readonly db: SqlDatabase,
    private readonly changes: ChangeLog,
    private readonly readModel: FeedReadModel,
    private readonly index: ArticleIndex,
    private readonly cache: DocumentCache,
    private readonly clock: Clock,
    private readonly options: ChangeFollowerOptions,
  ) {
    const now = clock.now();
    this.schedule = new VisibilitySchedule(now);
    this.releasedUpTo = new Date(now.getTime() - options.releaseLookbackMs);
  }

  /** The change log position this process has applied. */
  get latestSeq(): number {
    return this.seq;
  }

  /** Loads the index, then follows the log. The seq is read first: a change in between is applied twice, harmlessly. */
  async start(capacity: number): Promise<void> {
    this.seq = await this.changes.latestSeq();
    for (const { article } of await this.readModel.latest(capacity)) this.index.upsert(article);
    this.schedule.plan(this.index.newestFirst(), this.clock.now());
    await this.tick();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    for (const wake of this.waiters) wake();
  }

  /** Resolves at the next applied change, or after `timeoutMs`. */
  nextChange(timeoutMs: number): Promise<void> {
    return waitOn(this.waiters, timeoutMs);
  }

  /**
   * Whether this process's view reflects the change log up to `seq` and the lifts and expiries
   * due by `at`, waiting up to `timeoutMs` for rounds to get there (each asked for at once).
   */
  async caughtUpWith(seq: number, at: Date, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    // One round asked for at once; after that the rounds the poll and NOTIFY run anyway, so that
    // waiting readers never drive the follower harder than its own pace.
    let asked = false;
    for (;;) {
      if (this.seq >= seq && this.viewAt >= at.getTime()) return true;
      const left = deadline - Date.now();
      if (left <= 0 || this.stopped) return false;
      const round = this.nextRound(Math.min(left, this.options.pollMs));
      if (!asked) this.wake();
      asked = true;
      await round;
    }
  }

  /** Resolves when a round ends, or after `timeoutMs`. */
  private nextRound(timeoutMs: number): Promise<void> {
    return waitOn(this.roundWaiters, timeoutMs);
  }

  /** A change was committed (a NOTIFY): run a round now, or right after the one running. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else void this.tick();
  }

  /**
   * One round: new changes, then the clock. Errors are logged; the next round retries. A call
   * during a round waits for that round instead of starting a second one beside it.
   */
  tick(): Promise<void> {
    this.running ??= this.round().finally(() => (this.running = undefined));
    return this.running;
  }

  private async round(): Promise<void> {
    clearTimeout(this.timer);
    try {
      await this.applyNewChanges();
      await this.applyClock();
    } catch (error) {
      this.logger.warn(`following the change log failed, retrying: ${String(error)}`);
    }
    for (const done of [...this.roundWaiters]) done();
    if (this.stopped) return;
    if (this.again) {
      this.again = false;
      // After this round's promise settles, so tick() starts a new one instead of joining it.
      setImmediate(() => void this.tick());
      return;
    }
    this.timer = setTimeout(() => void this.tick(), this.options.pollMs);
  }

  private async applyNewChanges(): Promise<void> {
    const latest = await this.changes.latestSeq();
    if (latest <= this.seq) return;
    while (this.seq < latest) {
      const marks = await this.changes.marksAfter(this.seq, MARKS_PER_READ);
      if (marks.length === 0) break;
      const stories = await this.readModel.currentOf(marks.map((mark) => mark.articleId));
      const now = this.clock.now();
      const changed: Article[] = [];
      for (const { article } of stories) {
        const before = this.index.upsert(article);
        // The story as it was may be in documents it has now left: mark those too.
        if (before && before.version !== article.version) changed.push(before);
        changed.push(article);
        this.schedule.include(article, now);
      }
      this.cache.storiesChanged(changed);
      this.seq = marks[marks.length - 1]?.seq ?? latest;
    }
    for (const wake of [...this.waiters]) wake();
  }

  private async applyClock(): Promise<void> {
    const now = this.clock.now();
    const due = this.schedule.due(this.index.newestFirst(), now);
    const sweep = now.getTime() - this.lastSweep >= this.options.releaseSweepMs;
    if (due.some((article) => article.embargoUntil !== undefined) || sweep) {
      // Lifted embargoes become `released` changes, which the next round applies like any other.
      const since = this.releasedUpTo;
      await recordReleases(this.db, now, since);
      this.releasedUpTo = new Date(now.getTime() - this.options.pollMs * 10);
      if (sweep) this.lastSweep = now.getTime();
    }
    if (due.length > 0) {
      this.cache.storiesChanged(due);
      this.schedule.plan(this.index.newestFirst(), now);
    }
    this.cache.tick();
    this.viewAt = now.getTime();
  }
}

/** Resolves when something calls the waker it adds to `waiters`, or after `timeoutMs`. */
function waitOn(waiters: Set<() => void>, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const wake = (): void => {
      clearTimeout(timer);
      waiters.delete(wake);
      resolve();
    };
    const timer = setTimeout(wake, timeoutMs);
    waiters.add(wake);
  });
}
