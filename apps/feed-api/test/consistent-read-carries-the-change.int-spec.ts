import { FEED_CONSISTENCY_HEADERS } from '@depeche/contracts';
import { ChangeLog } from '@depeche/persistence';
import { sampleEntitlement } from '@depeche/testing';
import { DATABASES, FeedApiWorld } from './feed-api-harness';
import { jsonFeedIds, story } from './stories';

const T0 = new Date('2025-07-04T15:00:00.000Z');

const at = (id: string, minute: number) => {
  const time = new Date(T0.getTime() - (60 - minute) * 60_000).toISOString();
  return story(id, { firstPublishedAt: time, updatedAt: time });
};

/**
 * The WebSub hub fetches a topic right after a change and pushes what it gets: it asks for the
 * feed as it stands after that change (FEED_CONSISTENCY_HEADERS), and feed-api must not answer
 * with the bytes its debounce still serves to everyone else.
 */
describe.each(DATABASES)('a feed asked for after a change, on %s', (_name, createDatabase) => {
  let world: FeedApiWorld;
  let key: string;
  let changes: ChangeLog;

  beforeAll(async () => {
    // A long window: a change right after another waits for its end, as in a burst.
    world = await FeedApiWorld.create(await createDatabase(), T0, {
      FEED_API_DEBOUNCE_MS: '5000',
    });
    changes = new ChangeLog(world.database.db);
    key = await world.partner('partner', sampleEntitlement(), { all: {} });
    await world.publish([at('first', 1)]);
    await world.caughtUp();
  });

  afterAll(() => world.cleanup());

  it('carries the change, while a plain request still gets the previous bytes', async () => {
    expect(await jsonFeedIds(await world.get('/v1/feeds/all.json', key))).toHaveLength(1);
    await world.publish([at('second', 2)]);
    await world.caughtUp(); // rebuilt at once: the leading edge of the window
    await world.publish([at('third', 3)]);
    const seq = (await changes.seqOf('third', 1)) ?? -1;
    expect(await world.runtime.follower.caughtUpWith(seq, new Date(0), 5_000)).toBe(true);
    // Applied, the document marked, its rebuild waiting for the window to end.
    const plain = await jsonFeedIds(await world.get('/v1/feeds/all.json', key));
    expect(plain).toEqual([at('second', 2).guid, at('first', 1).guid]);
    const consistent = await world.get('/v1/feeds/all.json', key, {
      [FEED_CONSISTENCY_HEADERS.afterChange]: String(seq),
      [FEED_CONSISTENCY_HEADERS.afterTime]: T0.toISOString(),
    });
    expect(consistent.status).toBe(200);
    expect(await jsonFeedIds(consistent)).toEqual(
      ['third', 'second', 'first'].map((id, i) => at(id, 3 - i).guid),
    );
  });

  it('answers 503 with Retry-After when its view does not get there in time', async () => {
    // The test's clock stands still: lifts due 20 s from now are not reached within the wait.
    const response = await world.get('/v1/feeds/all.json', key, {
      [FEED_CONSISTENCY_HEADERS.afterTime]: new Date(T0.getTime() + 20_000).toISOString(),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  }, 15_000);

  it.each([
    [FEED_CONSISTENCY_HEADERS.afterChange, 'soon'],
    [FEED_CONSISTENCY_HEADERS.afterChange, '-1'],
    // Nothing would come of waiting for these: no such change, a time far ahead.
    [FEED_CONSISTENCY_HEADERS.afterChange, '9007199254740991'],
    [FEED_CONSISTENCY_HEADERS.afterTime, 'tomorrow'],
    [FEED_CONSISTENCY_HEADERS.afterTime, '2025-07-05T15:00:00.000Z'],
  ])('refuses %s: %s with a problem document', async (header, value) => {
    const response = await world.get('/v1/feeds/all.json', key, { [header]: value });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});
