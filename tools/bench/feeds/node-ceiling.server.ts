/**
 * THE CEILING ONLY, never product code: a bare node:http server answering from memory with the
 * bytes and headers depeche sent, 304 on a matching If-None-Match, the gzip bytes when asked.
 * Run as its own process by node-ceiling.ts: `node node-ceiling.server.js <config.json>`.
 */
import { readFileSync } from 'node:fs';
import { createServer, type OutgoingHttpHeaders } from 'node:http';
import type { NodeCeilingConfig } from './static-route';

interface Loaded {
  readonly identity: Buffer;
  readonly gzip: Buffer | undefined;
  readonly base: OutgoingHttpHeaders;
  readonly etag: string | undefined;
  readonly etagGzip: string | undefined;
}

const config = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as NodeCeilingConfig;
const routes = new Map<string, Loaded>(
  config.routes.map((route) => [
    route.path,
    {
      identity: readFileSync(route.identityFile),
      gzip: route.gzipFile === undefined ? undefined : readFileSync(route.gzipFile),
      base: { ...route.headers },
      etag: route.etag,
      etagGzip: route.etagGzip,
    },
  ]),
);

const server = createServer((request, response) => {
  const route = routes.get((request.url ?? '').split('?')[0] ?? '');
  if (!route) {
    response.writeHead(404).end();
    return;
  }
  const gzip =
    route.gzip !== undefined && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
  const etag = gzip ? route.etagGzip : route.etag;
  const headers: OutgoingHttpHeaders = { ...route.base };
  if (etag !== undefined) headers.etag = etag;
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined && (ifNoneMatch === route.etag || ifNoneMatch === route.etagGzip)) {
    response.writeHead(304, headers).end();
    return;
  }
  const body = gzip && route.gzip ? route.gzip : route.identity;
  if (gzip) headers['content-encoding'] = 'gzip';
  headers['content-length'] = body.length;
  response.writeHead(200, headers).end(body);
});
server.keepAliveTimeout = 72_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
