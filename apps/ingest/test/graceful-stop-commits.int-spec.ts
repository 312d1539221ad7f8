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

  it('commits exactly what it stored, and exits 0', async () => {
    await produceAll(world.events, bulkEvents('sigterm', 1_500, 2));
    const ingest = await world.startIngest();
    await waitFor(
      async () => ((await storeCounts(world.database.db)).events >= 500 ? true : undefined),
      { intervalMs: 20, describe: () => ingest.output() },
    );
    expect(await ingest.stop()).toBe(0);

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
