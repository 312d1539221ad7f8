import { sampleEntitlement } from '@depeche/testing';
import { DATABASES, FeedApiWorld } from './feed-api-harness';
import { changesPage, type ChangeEntryJson } from './changes-client';
import { nextVersion, story } from './stories';

const T0 = new Date('2025-07-04T15:00:00.000Z');

describe.each(DATABASES)('the change stream on %s', (_name, createDatabase) => {
  let world: FeedApiWorld;
  let key: string;

  beforeAll(async () => {
    world = await FeedApiWorld.create(await createDatabase(), T0);
    key = await world.partner('partner', sampleEntitlement({ sections: ['international'] }));
  });

  afterAll(() => world.cleanup());

  it('returns every visible change once, oldest first, page by page and across a restart', async () => {
    // 12 stories, the odd ones in a section the partner does not have; then a second version of 3.
    const first = Array.from({ length: 12 }, (_, i) =>
      story(`c${String(i).padStart(2, '0')}`, {
        sections: [i % 2 === 0 ? 'international' : 'sport'],
      }),
    );
    await world.publish(first);
    await world.publish([nextVersion(first[2]!, 1)]);
    const seen: ChangeEntryJson[] = [];
    let cursor = '';
    // Pages of 2: the cursor resumes right after the last change returned.
    for (let page = 0; page < 2; page++) {
      const answer = await changesPage(world, key, `?limit=2${cursor && `&cursor=${cursor}`}`);
      seen.push(...answer.changes);
      cursor = answer.cursor;
    }
    // feed-api stops and starts again: the cursor is the database's seq, nothing is lost.
    await world.stopApp();
    await world.publish([nextVersion(first[4]!, 1), nextVersion(first[5]!, 1)]);
    await world.startApp();
    for (;;) {
      const answer = await changesPage(world, key, `?limit=2&cursor=${cursor}`);
      seen.push(...answer.changes);
      cursor = answer.cursor;
      if (!answer.more && answer.changes.length === 0) break;
    }
    expect(seen.map((c) => `${c.id}@${c.version}`)).toEqual([
      'c00@1',
      'c02@1',
      'c04@1',
      'c06@1',
      'c08@1',
      'c10@1',
      'c02@2',
      'c04@2',
    ]);
  });

  it('holds a long poll until a change arrives, then answers at once', async () => {
    const { cursor } = await changesPage(world, key, '?limit=500');
    const started = Date.now();
    const waiting = changesPage(world, key, `?cursor=${cursor}&wait=20`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await world.publish([story('late', { sections: ['international'] })]);
    const answer = await waiting;
    expect(answer.changes.map((c) => c.id)).toEqual(['late']);
    // Well before the 20 s: the poll loop woke it (every 20 ms in this test).
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('ends a long poll with no change after the wait, the cursor moved past what it may not see', async () => {
    const { cursor } = await changesPage(world, key, '?limit=500');
    await world.publish([story('unseen', { sections: ['sport'] })]);
    const answer = await changesPage(world, key, `?cursor=${cursor}&wait=1`);
    expect(answer.changes).toEqual([]);
    expect(answer.cursor).not.toBe(cursor);
  });

  it('links each change to its version in an item format the partner may fetch', async () => {
    const ninjsOnly = await world.partner(
      'ninjs-only',
      sampleEntitlement({ sections: ['international'], formats: ['rss', 'ninjs'] }),
    );
    const [mine] = (await changesPage(world, ninjsOnly, '?limit=1')).changes;
    const [theirs] = (await changesPage(world, key, '?limit=1')).changes;
    expect(mine?.href).toMatch(/\/v1\/items\/c00\/versions\/1\?format=ninjs$/);
    expect(theirs?.href).toMatch(/\/v1\/items\/c00\/versions\/1$/);
    const path = new URL(mine?.href ?? '').pathname + new URL(mine?.href ?? '').search;
    expect((await world.get(path, ninjsOnly)).status).toBe(200);
  });
});
