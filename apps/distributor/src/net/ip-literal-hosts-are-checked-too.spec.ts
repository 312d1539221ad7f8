import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseAllowList } from '../config/allow-list';
import { AddressPolicy } from './address-policy';
import { attempt } from './http-client';
import { safeLookup } from './safe-lookup';

/**
 * node connects to an IP-literal host without calling `lookup`: an endpoint configured as
 * `http://127.0.0.1:…` while the allow-list permitted it would be posted to after the list was
 * narrowed. The same address check applies to it as to a name.
 */
describe('a webhook URL whose host is an IP address', () => {
  let server: Server;
  let port: number;
  let received = 0;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      received++;
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const post = (policy: AddressPolicy) =>
    attempt({
      method: 'POST',
      url: `http://127.0.0.1:${port}/hook`,
      headers: { 'content-type': 'application/json' },
      body: Buffer.from('{}'),
      timeoutMs: 5_000,
      lookup: safeLookup(policy),
    });

  it('is refused, permanently and unsent, when the policy refuses its address', async () => {
    const result = await post(new AddressPolicy({ cidrs: [], hosts: [] }));
    expect(result).toMatchObject({ kind: 'failure', permanent: true });
    expect(result.kind === 'failure' && result.message).toMatch(/loopback/);
    expect(received).toBe(0);
  });

  it('is posted to when the allow-list permits its address', async () => {
    const allowed = new AddressPolicy(parseAllowList('127.0.0.0/8') ?? { cidrs: [], hosts: [] });
    expect(await post(allowed)).toEqual({ kind: 'response', status: 204 });
    expect(received).toBe(1);
  });
});
