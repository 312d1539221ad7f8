import { ArticleStore } from '@depeche/persistence';
import { createPostgresTestDatabase, waitFor, sampleEntitlement } from '@depeche/testing';
import { randomUUID } from 'node:crypto';

import { getWithKey, ProcessWorld } from './process-world';
import { nextVersion, story } from './stories';

/** Scale-out, and a cursor that outlives the process that issued it, on real processes from dist/. */
describe('feed-api processes on one PostgreSQL', () => {
  let world: ProcessWorld;
  let key: string;
  let store: ArticleStore;

  beforeAll(async () => {
    world = new ProcessWorld(await createPostgresTestDatabase());
    await world.migrate();
    key = await world.partner('partner', sampleEntitlement());
    store = new ArticleStore(world.database.db);
  });

  afterAll(() => world.cleanup());

  const publish = (articles: ReturnType<typeof story>[]) =>
    store.storeBatch(
      articles.map((article) => ({
        eventId: randomUUID(),
        article,
        receivedAt: new Date().toISOString(),
      })),
      (incoming) => ({
        topic: 'syndication.items',
        key: incoming.article.id,
        value: '{}',
        headers: {},
      }),
    );

  const titles = async (base: string): Promise<string[]> => {
    const response = await getWithKey(`${base}/v1/feeds/all.json`, key);
    return ((await response.json()) as { items: { title: string }[] }).items.map((i) => i.title);
  };

  it('shows a change in both processes: their caches follow the database, not each other', async () => {
    const [a, b] = [await world.startFeedApi(), await world.startFeedApi()];
    const original = story('shared', { updatedAt: new Date().toISOString() });
    await publish([original]);
    for (const app of [a, b]) {
      await waitFor(
        async () => ((await titles(app.url)).includes('Headline of shared') ? true : undefined),
        {
          timeoutMs: 10_000,
          intervalMs: 20,
        },
      );
    }
    // Both have the feed cached now; a correction must reach both caches.
    const produced = Date.now();
    await publish([
      nextVersion(original, 1, { headline: 'Corrected headline', change: 'corrected' }),
    ]);
    const visibleAfter: number[] = [];
    for (const app of [a, b]) {
      await waitFor(
        async () => ((await titles(app.url)).includes('Corrected headline') ? true : undefined),
        {
          timeoutMs: 10_000,
          intervalMs: 5,
          describe: () => app.output(),
        },
      );
      visibleAfter.push(Date.now() - produced);
    }
    console.log(
      `change visible in process A after ${visibleAfter[0]} ms, in B after ${visibleAfter[1]} ms`,
    );
    expect(visibleAfter).toHaveLength(2);
  });

  it('resumes the change cursor exactly across a restart of the feed-api process', async () => {
    const first = await world.startFeedApi();
    const read = async (base: string, cursor: string) => {
      const response = await getWithKey(
        `${base}/v1/changes?limit=3${cursor && `&cursor=${cursor}`}`,
        key,
      );
      return (await response.json()) as {
        changes: { id: string; version: number }[];
        cursor: string;
        more: boolean;
      };
    };
    const batch = Array.from({ length: 5 }, (_, i) => story(`r${i}`));
    await publish(batch);
    const page = await read(first.url, '');
    expect(page.changes).toHaveLength(3);
    await first.stop();
    await publish([story('r5'), story('r6')]);
    const second = await world.startFeedApi();
    const seen = [...page.changes];
    let cursor = page.cursor;
    for (;;) {
      const next = await read(second.url, cursor);
      seen.push(...next.changes);
      cursor = next.cursor;
      if (!next.more) break;
    }
    const ids = seen.map((c) => `${c.id}@${c.version}`);
    // Every change of the store, each once, in the order it was recorded (shared@1, shared@2 first).
    expect(ids).toEqual([
      'shared@1',
      'shared@2',
      'r0@1',
      'r1@1',
      'r2@1',
      'r3@1',
      'r4@1',
      'r5@1',
      'r6@1',
    ]);
  });
});
