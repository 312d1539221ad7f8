import type { Article } from '@depeche/article';
import type { FeedReadModel } from '@depeche/persistence';
import type { Reader } from './reader';

const ROWS_PER_READ = 200;
/** An archive page holds at most this many stories (a very busy day is cut, newest kept). */
export const ARCHIVE_PAGE_LIMIT = 1_000;
/** How far back a search for the previous page goes before it gives up (no link then). */
const MAX_READS = 10;

/** `2025-07-04` of an RFC 3339 UTC time. */
export function utcDay(time: string): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/**
 * RFC 5005 §4 archives, one page per UTC day of first publication: a story belongs to the page of
 * the day it was first published, whatever its later versions, so the pages partition the feed's
 * history and their union with the subscription document is the whole feed. Today's page is still
 * growing (and an update to an old story changes its page's bytes and ETag): RFC 5005 lets archive
 * documents change, and says clients re-fetch them only when they must.
 */
export class ArchiveDays {
  constructor(private readonly articles: FeedReadModel) {}

  /** The newest day before `before` with a story the reader may see; undefined when none. */
  async dayBefore(reader: Reader, before: Date, now: Date): Promise<string | undefined> {
    let bound = before.toISOString();
    for (let read = 0; read < MAX_READS; read++) {
      const rows = await this.articles.publishedBefore(bound, ROWS_PER_READ);
      const seen = rows.find(({ article }) => reader.visibility(article, now).visible);
      if (seen) return utcDay(seen.article.firstPublishedAt);
      const last = rows[rows.length - 1];
      if (!last || rows.length < ROWS_PER_READ) return undefined;
      bound = last.article.firstPublishedAt;
    }
    return undefined;
  }

  /** The stories of one day's page, newest version first. */
  async storiesOf(reader: Reader, day: string, now: Date): Promise<Article[]> {
    const from = dayStart(day);
    const to = new Date(from.getTime() + 24 * 60 * 60 * 1000);
    const rows = await this.articles.publishedBetween(
      from.toISOString(),
      to.toISOString(),
      ARCHIVE_PAGE_LIMIT * 2,
    );
    return rows
      .map(({ article }) => article)
      .filter((article) => reader.visibility(article, now).visible)
      .slice(0, ARCHIVE_PAGE_LIMIT);
  }
}
