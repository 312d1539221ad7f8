import { AddressCache, resolveOffThreadPool, type Resolved } from './address-cache';
import { AddressPolicy } from './address-policy';
import { safeLookup } from './safe-lookup';

/** A resolver the test answers by hand, counting what it is asked. */
function manualResolver() {
  const asked: string[] = [];
  const waiting: ((answer: Resolved | Error) => void)[] = [];
  const resolve = (hostname: string): Promise<Resolved> => {
    asked.push(hostname);
    return new Promise((ok, fail) =>
      waiting.push((answer) => (answer instanceof Error ? fail(answer) : ok(answer))),
    );
  };
  const answer = (result: Resolved | Error): void => {
    for (const settle of waiting.splice(0)) settle(result);
  };
  return { asked, resolve, answer };
}

const PUBLIC: Resolved = { addresses: [{ address: '93.184.215.14', family: 4 }], ttlMs: 30_000 };

describe('the addresses of a webhook host', () => {
  it('are resolved once for deliveries that ask at the same time, and reused for their TTL', async () => {
    let now = 0;
    const dns = manualResolver();
    const cache = new AddressCache(dns.resolve, () => now);
    const asking = Promise.all([1, 2, 3].map(() => cache.addresses('partner.example')));
    dns.answer(PUBLIC);
    expect(await asking).toEqual([1, 2, 3].map(() => PUBLIC.addresses));
    now = 29_000;
    expect(await cache.addresses('partner.example')).toEqual(PUBLIC.addresses);
    expect(dns.asked).toEqual(['partner.example']);
    now = 31_000; // past the TTL: asked again
    const again = cache.addresses('partner.example');
    dns.answer(PUBLIC);
    await again;
    expect(dns.asked).toEqual(['partner.example', 'partner.example']);
  });

  it('are not asked for again for five seconds after a failure, then are', async () => {
    let now = 0;
    const dns = manualResolver();
    const cache = new AddressCache(dns.resolve, () => now);
    const failing = cache.addresses('partner.example');
    dns.answer(Object.assign(new Error('queryA ETIMEOUT'), { code: 'ETIMEOUT' }));
    await expect(failing).rejects.toThrow('ETIMEOUT');
    // A dead name server costs one resolution, not one per delivery.
    now = 4_000;
    await expect(cache.addresses('partner.example')).rejects.toThrow('ETIMEOUT');
    expect(dns.asked).toHaveLength(1);
    now = 6_000;
    const retry = cache.addresses('partner.example');
    dns.answer(PUBLIC);
    expect(await retry).toEqual(PUBLIC.addresses);
    expect(dns.asked).toHaveLength(2);
  });

  it('are the address itself for an IP literal, with no resolution at all', async () => {
    const dns = manualResolver();
    const cache = new AddressCache(dns.resolve, () => 0);
    expect(await cache.addresses('10.0.0.5')).toEqual([{ address: '10.0.0.5', family: 4 }]);
    expect(await cache.addresses('::1')).toEqual([{ address: '::1', family: 6 }]);
    expect(dns.asked).toEqual([]);
  });

  it('are loopback for localhost names, as RFC 6761 says, without asking a name server', async () => {
    const resolved = await resolveOffThreadPool('api.localhost');
    expect(resolved.addresses.map((a) => a.address)).toEqual(['127.0.0.1', '::1']);
  });

  it('still go through the address policy when they come from the cache', async () => {
    let now = 0;
    const dns = manualResolver();
    const cache = new AddressCache(dns.resolve, () => now);
    const lookup = safeLookup(new AddressPolicy({ cidrs: [], hosts: [] }), cache);
    const ask = () =>
      new Promise<string>((resolve) =>
        lookup('rebound.example', { all: true }, (error) => resolve(error?.message ?? 'allowed')),
      );
    const first = ask();
    dns.answer({ addresses: [{ address: '10.1.2.3', family: 4 }], ttlMs: 60_000 });
    expect(await first).toContain('rebound.example');
    now = 1_000;
    expect(await ask()).toContain('rebound.example');
    expect(dns.asked).toEqual(['rebound.example']);
  });
});
