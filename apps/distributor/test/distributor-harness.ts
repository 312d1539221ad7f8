import type { Article } from '@depeche/article';
import type { Entitlement } from '@depeche/entitlements';
import { migrate, MIGRATIONS, PartnerStore } from '@depeche/persistence';
import {
  createPostgresTestDatabase,
  sampleArticle,
  startAppProcess,
  testBrokers,
  testKafka,
  testTopics,
  uniqueName,
  type AppProcess,
  type TestDatabase,
  type TestTopics,
  sampleEntitlement,
} from '@depeche/testing';
import { randomBytes } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { itemOf } from '../src/test-support/items-message';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

/** The topics, database and processes of one distributor test, all its own. */
export class DistributorWorld {
  readonly processes: AppProcess[] = [];
  readonly partners: PartnerStore;
  private producer: Producer | undefined;
  readonly secretKey = randomBytes(32).toString('base64');

  private constructor(
    readonly topics: TestTopics,
    readonly items: string,
    readonly dlq: string,
    readonly opsEvents: string,
    readonly groupId: string,
    readonly database: TestDatabase,
  ) {
    this.partners = new PartnerStore(database.db);
  }

  static async create(partitions = 2): Promise<DistributorWorld> {
    const topics = await testTopics();
    let database: TestDatabase | undefined;
    try {
      const items = await topics.create('syndication.items', partitions);
      const dlq = await topics.create('syndication.items.dlq');
      const opsEvents = await topics.create('ops.events');
      database = await createPostgresTestDatabase();
      await migrate(database.db, MIGRATIONS);
      return new DistributorWorld(
        topics,
        items,
        dlq,
        opsEvents,
        uniqueName('distributor'),
        database,
      );
    } catch (error) {
      // The world is never handed out, so nothing else would delete its topics or drop its
      // database; a failing cleanup must not hide the error that stopped the set-up.
      await topics.cleanup().catch(() => undefined);
      await database?.drop().catch(() => undefined);
      throw error;
    }
  }

  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      ...this.database.env,
      KAFKA_BROKERS: testBrokers().join(','),
      KAFKA_CLIENT_ID: 'depeche-distributor-test',
      ITEMS_TOPIC: this.items,
      DISTRIBUTOR_DLQ_TOPIC: this.dlq,
      OPS_EVENTS_TOPIC: this.opsEvents,
      DISTRIBUTOR_GROUP_ID: this.groupId,
      DISTRIBUTOR_SECRET_KEY: this.secretKey,
      DISTRIBUTOR_ADMIN_TOKEN: ADMIN_TOKEN,
      DISTRIBUTOR_WEBHOOK_ALLOW: '127.0.0.0/8',
      DISTRIBUTOR_RETRY_INITIAL_MS: '200',
      DISTRIBUTOR_RETRY_MAX_MS: '2000',
      DISTRIBUTOR_CIRCUIT_OPEN_MS: '1000',
      DISTRIBUTOR_LEASE_MS: '15000',
      DISTRIBUTOR_REQUEST_TIMEOUT_MS: '8000',
      DISTRIBUTOR_POLL_MS: '100',
      ...extra,
    };
  }

  async startDistributor(extra: Record<string, string> = {}): Promise<AppProcess> {
    const app = await startAppProcess('distributor', this.env(extra));
    this.processes.push(app);
    return app;
  }

  async partner(id: string, changes: Partial<Entitlement> = {}): Promise<string> {
    await this.partners.createPartner({
      id,
      name: id,
      entitlement: sampleEntitlement(changes),
    });
    return id;
  }

  /** Registers a webhook through the admin API; returns the endpoint id and the secret shown once. */
  async webhook(
    app: AppProcess,
    partnerId: string,
    url: string,
    format: string,
  ): Promise<{ id: string; secret: string }> {
    const response = await fetch(`${app.url}/admin/partners/${partnerId}/webhooks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url, format }),
    });
    if (response.status !== 201)
      throw new Error(`webhook not created: ${response.status} ${await response.text()}`);
    const created = (await response.json()) as { endpoint: { id: string }; secret: string };
    return { id: created.endpoint.id, secret: created.secret };
  }

  /** Publishes items as ingest would: key = article id, value = the SyndicationItem. */
  async publish(articles: readonly Article[]): Promise<void> {
    if (!this.producer) {
      this.producer = testKafka().producer();
      await this.producer.connect();
    }
    await this.producer.send({
      topic: this.items,
      acks: -1,
      messages: articles.map((article) => ({
        key: article.id,
        value: JSON.stringify(itemOf(article)),
      })),
    });
  }

  async cleanup(): Promise<void> {
    await Promise.all(this.processes.map((p) => p.stop()));
    await this.producer?.disconnect();
    await this.topics.cleanup();
    await this.database.drop();
  }
}

/** Version `version` of story `id`, from the sample. */
export function story(id: string, version = 1, changes: Partial<Article> = {}): Article {
  return sampleArticle({
    id,
    guid: `urn:depeche-test:${id}`,
    version,
    change: version === 1 ? 'published' : 'updated',
    ...changes,
  });
}
