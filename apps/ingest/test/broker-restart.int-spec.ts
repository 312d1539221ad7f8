import { createSqliteTestDatabase, testBrokers, waitFor } from '@depeche/testing';
import { restartKafka } from '../../../tools/kafka/kafka';
import { bulkEvents, produceAll } from './bulk-events';
import { createIngestWorld, type IngestWorld } from './ingest-harness';
import { storeCounts } from './store-counts';

/** The broker is stopped and started again while 2,000 events flow; none may be lost. */
describe('a Kafka broker restart during ingest', () => {
  let world: IngestWorld;

  beforeAll(async () => {
    world = await createIngestWorld(createSqliteTestDatabase(), 3);
  });

  afterAll(async () => {
    await world.cleanup();
  });

  it('stores all 2,000 events', async () => {
    const ingest = await world.startIngest();
    const events = bulkEvents('restart', 1_000, 2);
    // The first half before the restart, the second half while the broker is down and after.
    await produceAll(world.events, events.slice(0, 1_000), 100);
    await waitFor(
      async () => ((await storeCounts(world.database.db)).events >= 200 ? true : undefined),
      {
        intervalMs: 50,
        describe: () => ingest.output(),
      },
    );
    const port = Number(testBrokers()[0]?.split(':')[1]);
    const restart = restartKafka({
      port,
      downMs: 3_000,
      ownerPid: process.pid,
      log: () => undefined,
    });
    await Promise.all([restart, produceAll(world.events, events.slice(1_000), 100)]);

    const counts = await waitFor(
      async () => {
        const c = await storeCounts(world.database.db);
        return c.events === 2_000 ? c : undefined;
      },
      { timeoutMs: 180_000, describe: () => ingest.output() },
    );
    expect(counts).toEqual({ events: 2_000, versions: 2_000, stale: 0, articles: 1_000 });
  });
});
