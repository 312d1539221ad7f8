import type { Article } from '@depeche/article';
import { loadConfig } from '@depeche/config';
import type { Entitlement } from '@depeche/entitlements';
import { createHttpApp } from '@depeche/observability';
import { ArticleStore, migrate, MIGRATIONS, PartnerStore } from '@depeche/persistence';
import {
  createPostgresTestDatabase,
  createSqliteTestDatabase,
  type TestDatabase,
} from '@depeche/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { FeedApiEnv } from '../src/config/feed-api.env';
import { FeedApiModule } from '../src/feed-api.module';
import { FeedRuntime } from '../src/runtime/feed-runtime';
import { ManualClock } from './manual-clock';

export const DATABASES: [string, () => Promise<TestDatabase>][] = [
  ['PostgreSQL', createPostgresTestDatabase],
  ['SQLite', () => Promise.resolve(createSqliteTestDatabase())],
];

/**
 * One feed-api in this process on a database of its own, with a clock the test moves, served over
 * real HTTP on loopback. Stories are written through ArticleStore.storeBatch, ingest's own write
 * path, so the feed API sees exactly what ingest would leave.
 */
export class FeedApiWorld {
  readonly partners: PartnerStore;
  readonly store: ArticleStore;
  app!: NestFastifyApplication;
  url = '';

  private constructor(
    readonly database: TestDatabase,
    readonly clock: ManualClock,
  ) {
    this.partners = new PartnerStore(database.db, { clock: () => clock.now() });
    this.store = new ArticleStore(database.db);
  }

  static async create(
    database: TestDatabase,
    start: Date,
    env: Record<string, string> = {},
  ): Promise<FeedApiWorld> {
    const world = new FeedApiWorld(database, new ManualClock(start));
    await migrate(database.db, MIGRATIONS);
    await world.startApp(env);
    return world;
  }

  async startApp(extra: Record<string, string> = {}): Promise<void> {
    const env = loadConfig(FeedApiEnv, {
      ...this.database.env,
      HTTP_PORT: '1',
      PUBLIC_BASE_URL: 'http://feeds.test',
      FEED_API_POLL_MS: '20',
      FEED_API_DEBOUNCE_MS: '10',
      FEED_API_RATE_BURST: '100000',
      ...extra,
    });
    // As startHttpApp makes it (problem details for every error), without its signals and logger.
    this.app = await createHttpApp('feed-api', FeedApiModule.forRoot(env, { clock: this.clock }), {
      logger: ['error'],
    });
    await this.app.listen(0, '127.0.0.1');
    this.url = await this.app.getUrl();
  }

  get runtime(): FeedRuntime {
    return this.app.get(FeedRuntime);
  }

  /** Stores versions as ingest does; `receivedAt` defaults to the test clock. */
  async publish(articles: readonly Article[], receivedAt = this.clock.now()): Promise<void> {
    await this.store.storeBatch(
      articles.map((article) => ({
        eventId: randomUUID(),
        article,
        receivedAt: receivedAt.toISOString(),
      })),
      (incoming) => ({
        topic: 'syndication.items',
        key: incoming.article.id,
        value: JSON.stringify({ id: incoming.article.id }),
        headers: {},
      }),
    );
  }

  /**
   * Waits until this process has applied every change stored so far, has looked at the clock
   * (recording releases of lifted embargoes, which are changes too) and has rebuilt what they touch.
   */
  async caughtUp(): Promise<void> {
    for (let round = 0; round < 2; round++) {
      await this.runtime.follower.tick();
      const [row] = await this.database.db.query<{ seq: number | string | null }>(
        'SELECT MAX(seq) AS seq FROM article_changes',
      );
      const target = Number(row?.seq ?? 0);
      const deadline = Date.now() + 10_000;
      while (this.runtime.follower.latestSeq < target) {
        if (Date.now() > deadline) throw new Error(`feed-api stuck before seq ${target}`);
        await this.runtime.follower.tick();
      }
    }
    await this.runtime.cache.settled();
  }

  /** A partner with one key and the given channels (slug → filter sections). */
  async partner(
    id: string,
    entitlement: Entitlement,
    channels: Record<
      string,
      { sections?: string[]; languages?: string[]; keywords?: string[] }
    > = {},
  ): Promise<string> {
    await this.partners.createPartner({ id, name: id, entitlement });
    for (const [slug, filter] of Object.entries(channels)) {
      await this.partners.defineChannel({
        slug,
        partnerId: id,
        title: `${id} ${slug}`,
        filter: { sections: [], keywords: [], languages: [], ...filter },
      });
    }
    return (await this.partners.issueKey(id)).key;
  }

  get(path: string, key?: string, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(this.url + path, {
      headers: { ...(key === undefined ? {} : { authorization: `Bearer ${key}` }), ...headers },
    });
  }

  async stopApp(): Promise<void> {
    await this.app.close();
  }

  async cleanup(): Promise<void> {
    await this.app?.close();
    await this.database.drop();
  }
}
