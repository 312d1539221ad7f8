import type { Article } from '@depeche/article';
import { sampleEntitlement } from '@depeche/testing';
import { DATABASES, FeedApiWorld } from './feed-api-harness';
import { story } from './stories';

const T0 = new Date('2025-07-05T09:00:00.000Z');

function at(id: string, time: string, overrides: Partial<Article> = {}): Article {
  return story(id, { firstPublishedAt: time, updatedAt: time, ...overrides });
}

const SEEN = at('seen', '2025-07-05T07:00:00.000Z');
/** Filed, under embargo until noon: nobody outside may learn it exists before then. */
const EMBARGOED = at('embargoed', '2025-07-05T07:10:00.000Z', {
  embargoUntil: '2025-07-05T12:00:00.000Z',
});
/** A section the partner lacks. */
const ELSEWHERE = at('elsewhere', '2025-07-05T07:20:00.000Z', { sections: ['sport'] });

const aSecondLater = (time: string) => new Date(Date.parse(time) + 1_000).toISOString();
const page = (upto: string) =>
  `/v1/feeds/all/archive/2025-07-05.atom?upto=${encodeURIComponent(upto)}`;

/**
 * Issue 5, embargo and isolation: an archive page's bound (`upto`) is the first publication of a
 * story. It was accepted for any story this process held, before the key was even looked at, so
 * the answer to `upto=<instant>` told anyone whether an embargoed story, or another section's, had
 * been filed at that instant.
 */
describe.each(DATABASES)('archive page bounds on %s', (_name, createDatabase) => {
  let world: FeedApiWorld;
  let key: string;

  beforeAll(async () => {
    world = await FeedApiWorld.create(await createDatabase(), T0);
    key = await world.partner('partner', sampleEntitlement(), { all: {} });
    await world.publish([SEEN, EMBARGOED, ELSEWHERE]);
    await world.caughtUp();
  });

  afterAll(() => world.cleanup());

  it('name only a story the reader sees', async () => {
    expect((await world.get(page(SEEN.firstPublishedAt), key)).status).toBe(200);
    // The hidden story's instant answers as an instant with no story does.
    for (const hidden of [EMBARGOED, ELSEWHERE]) {
      for (const upto of [hidden.firstPublishedAt, aSecondLater(hidden.firstPublishedAt)]) {
        const response = await world.get(page(upto), key);
        expect([upto, response.status, response.headers.get('content-type')]).toEqual([
          upto,
          404,
          expect.stringContaining('application/problem+json'),
        ]);
      }
    }
  });

  it('ask for the key first', async () => {
    for (const upto of [EMBARGOED.firstPublishedAt, aSecondLater(EMBARGOED.firstPublishedAt)]) {
      expect((await world.get(page(upto))).status).toBe(401);
    }
  });
});
