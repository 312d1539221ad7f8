import type { Article } from '@depeche/article';
import type { FeedReadModel } from '@depeche/persistence';
import type { Reader } from './reader';

const ROWS_PER_READ = 200;
/** An archive page holds at most this many stories (a very busy day is cut, newest kept). */
export const ARCHIVE_PAGE_LIMIT = 1_000;
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
  /** Every story of the span, withdrawn and out-of-rights ones too (see viewChangedAt). */
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
  constructor(private readonly articles: FeedReadModel) {}

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
    const rows = await this.articles.publishedBetween(
      new Date(from).toISOString(),
      new Date(to).toISOString(),
      ARCHIVE_PAGE_LIMIT * 2,
    );
    const held = rows.map(({ article }) => article);
    const shown = held
      .filter((article) => reader.visibility(article, now).visible)
      .slice(0, ARCHIVE_PAGE_LIMIT);
    return { shown, held };
  }

  /** Whether a story `reader` sees was first published at `at` exactly (an archive page's bound). */
  async seesOneFirstPublishedAt(reader: Reader, at: string, now: Date): Promise<boolean> {
    const next = new Date(Date.parse(at) + 1).toISOString();
    const rows = await this.articles.publishedBetween(at, next, ARCHIVE_PAGE_LIMIT);
    return rows.some(({ article }) => reader.visibility(article, now).visible);
  }
}
