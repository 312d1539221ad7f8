import { createPostgresTestDatabase, waitFor } from '@depeche/testing';
import { bulkEvents, produceAll } from './bulk-events';
import { createIngestWorld, type IngestWorld } from './ingest-harness';
import { storeCounts } from './store-counts';

/**
 * SIGTERM midway: the batch in flight is stored and its offsets committed before the process exits,
 * so the next owner starts exactly after the last stored event and repeats nothing.
 */
describe('ingest stopped with SIGTERM midway', () => {
  let world: IngestWorld;

  beforeAll(async () => {
    world = await createIngestWorld(await createPostgresTestDatabase(), 1);
  });

  afterAll(async () => {
    await world.cleanup();
  });

  it('commits the batch it finishes during the shutdown, and exits 0', async () => {
    await produceAll(world.events, bulkEvents('sigterm', 1_500, 2));
    const ingest = await world.startIngest();
    await waitFor(
      async () => ((await storeCounts(world.database.db)).events >= 500 ? true : undefined),
      { intervalMs: 20, describe: () => ingest.output() },
    );
    // Hold the next batch in the middle of its transaction (a table lock blocks its first
    // insert), stop the process while it waits, then let the batch finish during the shutdown.
    let stopping: Promise<number | null> | undefined;
    await world.database.db.transaction(async (tx) => {
      await tx.execute('LOCK TABLE processed_events IN EXCLUSIVE MODE');
      await waitFor(
        async () => {
          const [row] = await world.database.db.query<{ n: string | number }>(
            `SELECT COUNT(*) AS n FROM pg_stat_activity
             WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO processed_events%'`,
          );
          return Number(row?.n ?? 0) > 0 ? true : undefined;
        },
        { intervalMs: 20, describe: () => ingest.output() },
      );
      stopping = ingest.stop();
      await waitFor(() => (ingest.output().includes('SIGTERM') ? true : undefined), {
        describe: () => ingest.output(),
      });
      // Time for the shutdown to reach the consumer's stop() while the batch still waits.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    });
    expect(await stopping).toBe(0);

    const stored = (await storeCounts(world.database.db)).events;
    expect(stored).toBeLessThan(3_000); // it really stopped midway
    const [offsets] = await world.topics.admin.fetchOffsets({
      groupId: world.groupId,
      topics: [world.events],
    });
    const committed = (offsets?.partitions ?? []).reduce(
      (sum, { offset }) => sum + Math.max(0, Number(offset)),
      0,
    );
    expect(committed).toBe(stored);
  });
});
