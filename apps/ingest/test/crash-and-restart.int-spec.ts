import { createPostgresTestDatabase, readTopic, testKafka, waitFor } from '@depeche/testing';
import { bulkEvents, produceAll } from './bulk-events';
import { createIngestWorld, type IngestWorld } from './ingest-harness';
import { checkItems } from './items-check';
import { storeCounts } from './store-counts';

/** At-least-once in, exactly-once in the store: kill -9 in the middle of 5,000 events. */
describe('ingest killed with SIGKILL midway', () => {
  let world: IngestWorld;

  beforeAll(async () => {
    world = await createIngestWorld(await createPostgresTestDatabase(), 3);
  });

  afterAll(async () => {
    await world.cleanup();
  });

  it('stores all 5,000 events exactly once after a restart, and announces every change', async () => {
    // 2,500 stories × 2 versions = 5,000 events.
    await produceAll(world.events, bulkEvents('crash', 2_500, 2));
    const first = await world.startIngest();
    await waitFor(
      async () => ((await storeCounts(world.database.db)).events >= 1_000 ? true : undefined),
      {
        intervalMs: 50,
        describe: () => first.output(),
      },
    );
    await first.kill();
    const atKill = await storeCounts(world.database.db);
    expect(atKill.events).toBeLessThan(5_000); // it really was killed midway

    const second = await world.startIngest();
    const done = await waitFor(
      async () => {
        const counts = await storeCounts(world.database.db);
        return counts.events === 5_000 ? counts : undefined;
      },
      { timeoutMs: 180_000, describe: () => second.output() },
    );
    expect(done).toEqual({ events: 5_000, versions: 5_000, stale: 0, articles: 2_500 });

    const messages = await readTopic(
      testKafka(),
      world.items,
      (m) => checkItems(m).distinct >= 5_000,
      {
        timeoutMs: 120_000,
        settleMs: 2_000,
      },
    );
    const items = checkItems(messages);
    expect(items).toMatchObject({ distinct: 5_000, conflicting: 0, outOfOrder: 0 });
    console.log(
      `crash test: ${atKill.events} stored at the kill; ${items.repeats} repeats on syndication.items`,
    );
  });
});
