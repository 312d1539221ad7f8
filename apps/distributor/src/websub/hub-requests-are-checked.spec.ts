import { grantedLease, readHubRequest } from './hub-request';
import { parseTopic } from './topic';

const FEED_API = 'http://127.0.0.1:3000';

describe('WebSub requests', () => {
  it('reads a subscribe request', () => {
    expect(
      readHubRequest({
        'hub.mode': 'subscribe',
        'hub.topic': `${FEED_API}/v1/feeds/world.atom`,
        'hub.callback': 'http://127.0.0.1:9/cb',
        'hub.lease_seconds': '600',
        'hub.secret': 's3cret',
      }),
    ).toEqual({
      mode: 'subscribe',
      topic: `${FEED_API}/v1/feeds/world.atom`,
      callback: 'http://127.0.0.1:9/cb',
      leaseSeconds: 600,
      secret: 's3cret',
    });
  });

  it('refuses a bad mode, a missing callback, a secret of 200 bytes or more (§5.1)', () => {
    expect(readHubRequest({ 'hub.mode': 'publish' })).toMatch(/hub.mode/);
    expect(readHubRequest({ 'hub.mode': 'subscribe', 'hub.topic': 'x' })).toMatch(/hub.callback/);
    expect(
      readHubRequest({
        'hub.mode': 'subscribe',
        'hub.topic': 'x',
        'hub.callback': 'y',
        'hub.secret': 'x'.repeat(200),
      }),
    ).toMatch(/hub.secret/);
  });

  it('grants the asked lease within bounds', () => {
    const bounds = { min: 60, default: 864_000, max: 2_592_000 };
    expect(grantedLease(undefined, bounds)).toBe(864_000);
    expect(grantedLease(5, bounds)).toBe(60);
    expect(grantedLease(10_000_000, bounds)).toBe(2_592_000);
  });

  it('takes only feed-api channel feeds as topics', () => {
    expect(parseTopic(`${FEED_API}/v1/feeds/world.xml`, FEED_API)).toEqual({
      url: `${FEED_API}/v1/feeds/world.xml`,
      slug: 'world',
      format: 'newsml',
    });
    expect(parseTopic(`${FEED_API}/v1/feeds/world.html`, FEED_API)).toBeUndefined();
    expect(parseTopic('http://evil.example/v1/feeds/world.atom', FEED_API)).toBeUndefined();
    expect(parseTopic(`${FEED_API}/v1/feeds/world.atom?limit=5`, FEED_API)).toBeUndefined();
  });
});
