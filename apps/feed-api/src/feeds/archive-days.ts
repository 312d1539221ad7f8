import type { Article } from '@depeche/article';
import type { FeedReadModel } from '@depeche/persistence';
import type { Reader } from './reader';

const ROWS_PER_READ = 200;
/** An archive page holds at most this many stories (a very busy day is cut, newest kept). */
export const ARCHIVE_PAGE_LIMIT = 1_000;
/**
 * Stories of one day read at most for one page: a narrow reader's are read past a busy day's
 * others (the first 2,000 by update once cut them off, whatever it was entitled to).
 */
const ARCHIVE_MAX_SCANNED = 20_000;
/** How far back a search for the previous page goes before it gives up (no link then). */
const MAX_READS = 10;
const DAY_MS = 24 * 60 * 60 * 1000;

/** `2025-07-04` of an RFC 3339 UTC time. */
export function utcDay(time: string): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** Whether stories may still be first published on `day`: it is today (or later) at `now`. */
export function isOpenDay(day: string, now: Date): boolean {
  return day >= utcDay(now.toISOString());
}

/** One archive page's stories: those it shows, and every story of its span the reader could. */
export interface ArchivePageStories {
  /** Visible to the reader, newest version first: the page's entries. */
  readonly shown: Article[];
  /**
   * The stories of the span that are shown, or may enter or leave it with no event, or left it
   * (embargoed, withdrawn, with rights that expire): what viewChangedAt and staleAt read.
   */
  readonly held: Article[];
}

/**
 * RFC 5005 §4 archives, one page per UTC day of first publication: a story belongs to the page of
 * the day it was first published, whatever its later versions, so the pages partition the feed's
 * history and their union with the subscription document is the whole feed. Today's page is still
 * growing, so the subscription document links to it bounded by `upto` (its newest story's first
 * publication): each archive URL then names a set of stories that does not grow, and a client
 * that stops at a page it has already read (RFC 5005 §4) misses nothing published since.
 */
export class ArchiveDays {
  constructor(
    private readonly articles: Pick<FeedReadModel, 'publishedBefore' | 'publishedBetween'>,
    /** Stories read per query of a page (a spec makes it small). */
    private readonly readSize = ARCHIVE_PAGE_LIMIT,
  ) {}

  /**
   * The first publication of the newest story before `before` that the reader may see (whose
   * day is the newest page before that time); undefined when none.
   */
  async newestBefore(reader: Reader, before: Date, now: Date): Promise<string | undefined> {
    let bound = before.toISOString();
    for (let read = 0; read < MAX_READS; read++) {
      const rows = await this.articles.publishedBefore(bound, ROWS_PER_READ);
      const seen = rows.find(({ article }) => reader.visibility(article, now).visible);
      if (seen) return seen.article.firstPublishedAt;
      const last = rows[rows.length - 1];
      if (!last || rows.length < ROWS_PER_READ) return undefined;
      bound = last.article.firstPublishedAt;
    }
    return undefined;
  }

  /** The stories of one day's page, first published by `upto` when given. */
  async storiesOf(
    reader: Reader,
    day: string,
    now: Date,
    upto?: string,
  ): Promise<ArchivePageStories> {
    const from = dayStart(day).getTime();
    const to = Math.min(from + DAY_MS, upto === undefined ? Infinity : Date.parse(upto) + 1);
    const shown: Article[] = [];
    const held: Article[] = [];
    let after: { updatedAt: string; articleId: string } | undefined;
    // A narrow reader's stories may be few among a busy day's: read on until the page is full.
    for (let scanned = 0; scanned < ARCHIVE_MAX_SCANNED && shown.length < ARCHIVE_PAGE_LIMIT;) {
      const rows = await this.articles.publishedBetween(
        new Date(from).toISOString(),
        new Date(to).toISOString(),
        this.readSize,
        after,
      );
      for (const { article } of rows) {
        const visible = reader.visibility(article, now).visible;
        if (visible && shown.length < ARCHIVE_PAGE_LIMIT) shown.push(article);
        // What can change the page with no event, or has left it: see viewChangedAt.
        if (visible || mayChangeVisibility(article)) held.push(article);
      }
      const last = rows[rows.length - 1];
      if (!last || rows.length < this.readSize) break;
      after = { updatedAt: last.article.updatedAt, articleId: last.article.id };
      scanned += rows.length;
    }
    return { shown, held };
  }

  /** Whether a story `reader` sees was first published at `at` exactly (an archive page's bound). */
  async seesOneFirstPublishedAt(reader: Reader, at: string, now: Date): Promise<boolean> {
    const next = new Date(Date.parse(at) + 1).toISOString();
    const rows = await this.articles.publishedBetween(at, next, ARCHIVE_PAGE_LIMIT);
    return rows.some(({ article }) => reader.visibility(article, now).visible);
  }
}

/** A story whose visibility has a time of its own: an embargo, an expiry, a withdrawal. */
function mayChangeVisibility(article: Article): boolean {
  return (
    article.embargoUntil !== undefined ||
    article.rights.expiresAt !== undefined ||
    article.change === 'withdrawn'
  );
}
