import {
  createPostgresTestDatabase,
  readTopic,
  testKafka,
  waitFor,
  type AppProcess,
} from '@depeche/testing';
import { bulkEvents, produceAll } from './bulk-events';
import { createIngestWorld, type IngestWorld } from './ingest-harness';
import { checkItems } from './items-check';
import { storeCounts } from './store-counts';

const SESSION_TIMEOUT = { INGEST_SESSION_TIMEOUT_MS: '10000' };

async function partitionsOf(app: AppProcess): Promise<string[]> {
  const response = await fetch(`${app.url}/health/ready`);
  if (!response.ok) return [];
  const body = (await response.json()) as { info?: { kafka?: { partitions?: string[] } } };
  return body.info?.kafka?.partitions ?? [];
}

/** Two ingest processes in one group on a 6-partition topic; one is killed; nothing is lost. */
describe('two ingest processes in one consumer group', () => {
  let world: IngestWorld;

  beforeAll(async () => {
    world = await createIngestWorld(await createPostgresTestDatabase(), 6);
  });

  afterAll(async () => {
    await world.cleanup();
  });

  it('share the partitions, take over from a killed member, lose nothing and keep order per article', async () => {
    const a = await world.startIngest(SESSION_TIMEOUT);
    const b = await world.startIngest(SESSION_TIMEOUT);
    // Both members own partitions, and together all six, each once.
    const shared = await waitFor(async () => {
      const [pa, pb] = [await partitionsOf(a), await partitionsOf(b)];
      return pa.length > 0 && pb.length > 0 && pa.length + pb.length === 6 ? [pa, pb] : undefined;
    });
    expect(new Set(shared.flat()).size).toBe(6);

    // 500 stories × 6 versions, in version order per story.
    await produceAll(world.events, bulkEvents('scale', 500, 6));
    await waitFor(
      async () => ((await storeCounts(world.database.db)).events >= 600 ? true : undefined),
      {
        intervalMs: 50,
      },
    );
    await b.kill();
    const takenOver = await waitFor(async () => {
      const partitions = await partitionsOf(a);
      return partitions.length === 6 ? partitions : undefined;
    });
    expect(takenOver).toHaveLength(6);

    const counts = await waitFor(
      async () => {
        const c = await storeCounts(world.database.db);
        return c.events === 3_000 ? c : undefined;
      },
      { timeoutMs: 180_000, describe: () => a.output() },
    );
    // No stale version: no story's versions were ever applied out of order.
    expect(counts).toEqual({ events: 3_000, versions: 3_000, stale: 0, articles: 500 });
    const versions = await world.database.db.query<{ n: string }>(
      'SELECT COUNT(*) AS n FROM articles WHERE version = 6',
    );
    expect(Number(versions[0]?.n)).toBe(500);
    const items = checkItems(
      await readTopic(testKafka(), world.items, (m) => checkItems(m).distinct >= 3_000, {
        timeoutMs: 120_000,
      }),
    );
    expect(items).toMatchObject({ distinct: 3_000, conflicting: 0, outOfOrder: 0 });
  });
});
