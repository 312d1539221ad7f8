import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min, IsISO8601 } from 'class-validator';

/** `<channel slug>.<rss|atom|json|xml>` */
export const FEED_FILE = /^([a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)\.(rss|atom|json|xml)$/;
/** `<YYYY-MM-DD>.<rss|atom|json|xml>` */
export const ARCHIVE_FILE = /^(\d{4}-\d{2}-\d{2})\.(rss|atom|json|xml)$/;

export class FeedParams {
  @Matches(FEED_FILE, {
    message: 'the feed must be <channel>.rss, <channel>.atom, <channel>.json or <channel>.xml',
  })
  file!: string;
}

export class ArchiveParams {
  @Matches(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, { message: 'channel must be a channel slug' })
  channel!: string;

  @Matches(ARCHIVE_FILE, {
    message: 'the archive page must be <YYYY-MM-DD>.rss, .atom, .json or .xml',
  })
  file!: string;
}

export class ArchiveQuery {
  /**
   * Bounds the page of a day still open to the stories first published by this time (the form
   * of a story's firstPublishedAt, `2025-07-05T07:00:00.000Z`); the subscription document links
   * to such a page, so that the set of stories at each archive URL stays the same (RFC 5005 §4).
   */
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'upto must be an RFC 3339 time' })
  upto?: string;
}

export class FeedQuery {
  /** How many stories, newest first: 1 to 200, 50 when absent. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1)
  @Max(200)
  limit?: number;
}
