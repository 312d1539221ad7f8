import {
  createPostgresTestDatabase,
  createSqliteTestDatabase,
  startAppProcess,
  testBrokers,
  testTopics,
  uniqueName,
  type AppProcess,
  type TestDatabase,
  type TestTopics,
} from '@depeche/testing';

/** The topics and database one ingest test runs against, all its own. */
export interface IngestWorld {
  readonly topics: TestTopics;
  readonly events: string;
  readonly dlq: string;
  readonly items: string;
  readonly groupId: string;
  readonly database: TestDatabase;
  /** The environment an ingest process of this world runs with. */
  env(extra?: Record<string, string>): Record<string, string>;
  startIngest(extra?: Record<string, string>): Promise<AppProcess>;
  cleanup(): Promise<void>;
}

export const DATABASES: [string, () => Promise<TestDatabase>][] = [
  ['PostgreSQL', createPostgresTestDatabase],
  ['SQLite', () => Promise.resolve(createSqliteTestDatabase())],
];

export async function createIngestWorld(
  database: TestDatabase,
  partitions = 1,
): Promise<IngestWorld> {
  let topics: TestTopics | undefined;
  let events: string, dlq: string, items: string;
  try {
    topics = await testTopics();
    events = await topics.create('articles.events', partitions);
    dlq = await topics.create('articles.events.dlq');
    items = await topics.create('syndication.items', partitions);
  } catch (error) {
    // The world is never handed out, so nothing else would drop its database or topics; a failing
    // cleanup must not hide the error that stopped the set-up.
    await topics?.cleanup().catch(() => undefined);
    await database.drop().catch(() => undefined);
    throw error;
  }
  const groupId = uniqueName('ingest');
  const processes: AppProcess[] = [];
  const env = (extra: Record<string, string> = {}): Record<string, string> => ({
    ...database.env,
    KAFKA_BROKERS: testBrokers().join(','),
    KAFKA_CLIENT_ID: 'depeche-ingest-test',
    INGEST_TOPIC: events,
    INGEST_DLQ_TOPIC: dlq,
    ITEMS_TOPIC: items,
    INGEST_GROUP_ID: groupId,
    ...extra,
  });
  return {
    topics,
    events,
    dlq,
    items,
    groupId,
    database,
    env,
    async startIngest(extra) {
      const app = await startAppProcess('ingest', env(extra));
      processes.push(app);
      return app;
    },
    async cleanup() {
      await Promise.all(processes.map((p) => p.stop()));
      await topics.cleanup();
      await database.drop();
    },
  };
}
