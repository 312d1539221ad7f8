import { createServer, type Server } from 'node:http';
import { lookup } from 'node:dns';
import type { AddressInfo } from 'node:net';
import { verifyIntent, withQuery } from './intent-verifier';

/**
 * W3C WebSub §5.3: the hub appends its parameters to the callback URL, keeping the callback's own
 * query as the subscriber wrote it. URLSearchParams rewrote it (`a%20b` → `a+b`, `flag` → `flag=`,
 * `/x;y` → `%2Fx%3By`), so a subscriber that routes on or signs its query refused the check.
 */
describe('verification of intent', () => {
  const params = new URLSearchParams({ 'hub.mode': 'subscribe', 'hub.challenge': 'c' });

  it.each([
    [
      'http://h/cb?id=a%20b&flag&path=/x;y&sig=AB~c',
      'http://h/cb?id=a%20b&flag&path=/x;y&sig=AB~c&',
    ],
    ['http://h/cb', 'http://h/cb?'],
    ['http://h/cb?', 'http://h/cb?'],
    ['http://h/cb?a=1&', 'http://h/cb?a=1&'],
    ['http://h/cb?a=1#frag', 'http://h/cb?a=1&'],
  ])('appends to %s without touching it', (callback, prefix) => {
    expect(withQuery(callback, params)).toBe(`${prefix}hub.mode=subscribe&hub.challenge=c`);
  });

  it('asks the callback at its own query, byte for byte', async () => {
    let asked = '';
    const server: Server = createServer((request, response) => {
      asked = request.url ?? '';
      const challenge = new URL(asked, 'http://x').searchParams.get('hub.challenge') ?? '';
      response.end(challenge);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const confirmed = await verifyIntent(
        {
          mode: 'subscribe',
          topic: 'http://feeds.test/v1/feeds/world.atom',
          callback: `http://127.0.0.1:${port}/cb?id=a%20b&flag&path=/x;y`,
          leaseSeconds: 3600,
        },
        { timeoutMs: 5_000, lookup },
      );
      expect(confirmed).toBe(true);
      expect(asked.startsWith('/cb?id=a%20b&flag&path=/x;y&hub.mode=subscribe&')).toBe(true);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
