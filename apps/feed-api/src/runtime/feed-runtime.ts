import {
  databaseIndicator,
  FeedMetrics,
  migrationsIndicator,
  type ReadinessChecks,
} from '@depeche/observability';
import {
  listenForChanges,
  migrate,
  MIGRATIONS,
  pendingMigrations,
  type ChangeListener,
} from '@depeche/persistence';
import type { HealthIndicatorFunction } from '@nestjs/terminus';
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DocumentCache } from '../cache/document-cache';
import { FeedApiEnv, pollMsOf } from '../config/feed-api.env';
import { indexIndicator } from '../health/index-indicator';
import { ArticleIndex } from '../read/article-index';
import { ChangeFollower } from '../read/change-follower';
import { OlderStories } from '../read/older-stories';
import { Clock } from './clock';
import { FeedStores } from './feed-stores';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The moving parts behind the endpoints: the in-memory index of current stories, the document
 * cache, and the loop that keeps both current. Ready once migrations are applied and the index is
 * loaded.
 */
@Injectable()
export class FeedRuntime implements OnApplicationBootstrap, OnApplicationShutdown, ReadinessChecks {
  private readonly logger = new Logger('feed-api');
  readonly index: ArticleIndex;
  /** Stories past the window, for documents it cannot fill. */
  readonly older: OlderStories;
  readonly cache: DocumentCache;
  readonly follower: ChangeFollower;
  ready = false;
  private listener: ChangeListener | undefined;

  constructor(
    private readonly env: FeedApiEnv,
    private readonly stores: FeedStores,
    readonly clock: Clock,
    metrics: FeedMetrics,
  ) {
    this.index = new ArticleIndex(env.FEED_API_WINDOW);
    this.older = new OlderStories(stores.articles, this.index);
    this.cache = new DocumentCache({
      capacity: env.FEED_API_CACHE_ENTRIES,
      maxBytes: env.FEED_API_CACHE_BYTES,
      debounceMs: env.FEED_API_DEBOUNCE_MS,
      now: () => clock.now(),
      onBuilt: (spec) => {
        if (spec.format !== undefined) metrics.renders.inc({ format: spec.format });
      },
    });
    this.follower = new ChangeFollower(
      stores.db,
      stores.changes,
      stores.articles,
      this.index,
      this.cache,
      clock,
      { pollMs: pollMsOf(env), releaseLookbackMs: 7 * DAY_MS, releaseSweepMs: 5_000 },
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    // Every app migrates at start under a lock (migrate.ts): whichever starts first creates the tables.
    const applied = await migrate(this.stores.db, MIGRATIONS);
    if (applied.length > 0) this.logger.log(`migrations applied: ${applied.join(', ')}`);
    await this.follower.start(this.env.FEED_API_WINDOW);
    if (this.env.DATABASE_KIND === 'postgres' && this.env.DATABASE_URL !== undefined) {
      // Writers NOTIFY at commit (libs/persistence change-notifications.ts): a change is applied
      // as soon as it is committed instead of at the next poll, which remains the fallback.
      this.listener = await listenForChanges(this.env.DATABASE_URL, {
        onChange: () => this.follower.wake(),
        onError: (error) =>
          this.logger.warn(`LISTEN for changes lost, polling until it is back: ${String(error)}`),
      });
    }
    this.ready = true;
  }

  /** Ready: the database answers, every migration is applied and the story index is loaded. */
  indicators(): HealthIndicatorFunction[] {
    return [
      () => databaseIndicator(() => this.stores.articles.ping()),
      () => migrationsIndicator(() => pendingMigrations(this.stores.db, MIGRATIONS)),
      () => indexIndicator(this.ready, this.index.size),
    ];
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener?.close();
    this.follower.stop();
    await this.cache.stop();
  }
}
