import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { main } from './cli';

/** A stand-in for the distributor's admin API: records each request, answers what it is told. */
function distributor(answer: (req: IncomingMessage) => [number, string]) {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url} ${req.headers.authorization}`);
    const [status, body] = answer(req);
    res.writeHead(status, { 'content-type': 'application/json' }).end(body);
  });
  return { server, seen };
}

function buffers() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, output: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) } };
}

/**
 * The webhook commands go through the distributor's admin API. They ran only where the partner
 * database could be opened and migrated, though they never use it: on an operator's machine with
 * the API's address and token alone they failed (or made a SQLite file there).
 */
describe('the webhook commands of the partners CLI', () => {
  let api: ReturnType<typeof distributor>;
  let url: string;
  let status = 200;

  beforeAll(async () => {
    api = distributor(() =>
      status === 200 ? [200, '{"redelivered":1}'] : [409, '{"detail":"stays dead"}'],
    );
    await new Promise<void>((resolve) => api.server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => api.server.close(() => resolve())));

  // A database that cannot be opened: the commands must not try.
  const env = () => ({
    DISTRIBUTOR_URL: url,
    DISTRIBUTOR_ADMIN_TOKEN: 'token-1',
    DATABASE_KIND: 'postgres',
    DATABASE_URL: 'postgres://nobody@127.0.0.1:1/nothing',
  });

  it('run with the API address and token alone, and print its answer', async () => {
    const { out, err, output } = buffers();
    expect(await main(['redeliver', 'd-1'], { env: env(), output })).toBe(0);
    expect(api.seen).toEqual(['POST /admin/deliveries/d-1/redeliver Bearer token-1']);
    expect(JSON.parse(out.join(''))).toEqual({ redelivered: 1 });
    expect(err).toEqual([]);
  });

  it('exit 1 with the distributor’s answer when it refuses', async () => {
    status = 409;
    const { err, output } = buffers();
    expect(await main(['redeliver', 'd-2'], { env: env(), output })).toBe(1);
    expect(err.join('')).toContain('distributor answered 409: {"detail":"stays dead"}');
  });
});
