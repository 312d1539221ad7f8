import {
  createPostgresTestDatabase,
  DEFAULT_TEST_DATABASE_URL,
  readTopic,
  testKafka,
  waitFor,
  type AppProcess,
} from '@depeche/testing';
import { Client } from 'pg';
import { bulkEvents, produceAll } from './bulk-events';
import { createIngestWorld, type IngestWorld } from './ingest-harness';
import { storeCounts } from './store-counts';

/** Runs SQL as the server's admin, outside the database under test. */
async function asAdmin(sql: string): Promise<void> {
  const admin = new Client({
    connectionString: process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL,
  });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** A database outage is transient: retried with backoff, never dead-lettered, nothing lost. */
describe('ingest while its PostgreSQL database refuses connections', () => {
  let world: IngestWorld;
  let ingest: AppProcess;
  let name: string;

  beforeAll(async () => {
    world = await createIngestWorld(await createPostgresTestDatabase());
    name = new URL(world.database.env.DATABASE_URL ?? '').pathname.slice(1);
    ingest = await world.startIngest();
  });

  afterAll(async () => {
    await asAdmin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    await world.cleanup();
  });

  it('retries until the database is back, stores every event, dead-letters none, and stops cleanly', async () => {
    await asAdmin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    await asAdmin(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`,
    );
    await produceAll(world.events, bulkEvents('outage', 100, 2));
    // Give ingest time to fail and retry a few times against the closed database.
    await waitFor(() => (/transient failure/.test(ingest.output()) ? true : undefined), {
      // Generous: under a full test run's load the first fetch and connection attempt can be slow;
      // the output says what ingest was doing if it never gets there.
      timeoutMs: 60_000,
      describe: () => ingest.output(),
    });
    await new Promise((resolve) => setTimeout(resolve, 3_000));

    await asAdmin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    const counts = await waitFor(
      async () => {
        const c = await storeCounts(world.database.db);
        return c.events === 200 ? c : undefined;
      },
      { timeoutMs: 120_000, describe: () => ingest.output() },
    );
    expect(counts).toEqual({ events: 200, versions: 200, stale: 0, articles: 100 });

    // Nothing went to the dead-letter topic: a sentinel shows the topic is readable and otherwise empty.
    const producer = testKafka().producer();
    await producer.connect();
    await producer.send({ topic: world.dlq, messages: [{ key: 'sentinel', value: 'sentinel' }] });
    await producer.disconnect();
    const letters = await readTopic(testKafka(), world.dlq, (m) =>
      m.some((x) => x.key === 'sentinel'),
    );
    expect(letters.map((m) => m.key)).toEqual(['sentinel']);

    // SIGTERM: the batch in flight finishes, offsets are committed, the process exits 0.
    expect(await ingest.stop()).toBe(0);
  });
});
