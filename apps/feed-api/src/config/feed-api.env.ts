import { AppEnv, toInt } from '@depeche/config';
import { Transform } from 'class-transformer';
import {
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  Min,
  MinLength,
} from 'class-validator';

const URL_RULES = { require_tld: false, protocols: ['http', 'https'], require_protocol: true };

/** The feed API's environment, validated once at start. It reads the store, never Kafka. */
export class FeedApiEnv extends AppEnv {
  override HTTP_PORT = 3000;

  /** The address partners use, for self links in feeds. */
  @IsUrl(URL_RULES)
  @IsNotEmpty()
  PUBLIC_BASE_URL = 'http://127.0.0.1:3000';

  /** The WebSub hub advertised in feeds (Link header, atom:link rel="hub"): the distributor's. */
  @IsUrl(URL_RULES)
  FEED_API_HUB_URL = 'http://127.0.0.1:3002/websub';

  /** Bearer token of the admin API; unset, the admin API answers 404 (it does not exist). */
  @IsOptional()
  @IsString()
  @MinLength(16)
  FEED_API_ADMIN_TOKEN?: string;

  /** Who publishes the feeds (Atom author, NewsML-G2 sender, news sitemap publication name). */
  @IsString()
  @IsNotEmpty()
  FEED_API_PUBLISHER = 'webradio media';

  /**
   * How often the change log's MAX(seq) is read to learn of changes made by any process. Unset:
   * 100 ms on PostgreSQL, where it is the fallback behind LISTEN/NOTIFY, and 25 ms on SQLite,
   * where it is the only signal (one indexed read of a local file).
   */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(10_000)
  FEED_API_POLL_MS?: number;

  /**
   * Changes arriving within this window of the last rebuild are rebuilt together (a burst costs
   * one rebuild per feed and window); a change after a quiet window is rebuilt at once.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(5_000)
  FEED_API_DEBOUNCE_MS = 50;

  /** Current stories held in memory to build feeds from (the newest by version time). */
  @Transform(toInt)
  @IsInt()
  @Min(200)
  @Max(1_000_000)
  FEED_API_WINDOW = 5_000;

  /** Feed representations kept (least recently used ones go first). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  FEED_API_CACHE_ENTRIES = 2_000;

  /**
   * Bytes of cached representations (every coding counted) kept at most, least recently used
   * dropped first: what bounds the cache's memory, since one document weighs 5 KB to 1 MB.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1_048_576)
  @Max(68_719_476_736)
  FEED_API_CACHE_BYTES = 134_217_728;

  /** Requests per second each key (each client address for public channels) may make, sustained. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  FEED_API_RATE_PER_SECOND = 20;

  /** Requests a key may make at once before the sustained rate applies (token bucket size). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  FEED_API_RATE_BURST = 100;

  /** Cache-Control max-age of public channels, in seconds. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(86_400)
  FEED_API_PUBLIC_MAX_AGE = 30;
}

/** The poll period in force (FEED_API_POLL_MS, else the database's default). */
export function pollMsOf(env: Pick<FeedApiEnv, 'FEED_API_POLL_MS' | 'DATABASE_KIND'>): number {
  return env.FEED_API_POLL_MS ?? (env.DATABASE_KIND === 'postgres' ? 100 : 25);
}
