import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { AttemptResult } from '../delivery/attempt-result';
import { RefusedAddressError } from './safe-lookup';

export interface HttpRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Buffer;
  readonly timeoutMs: number;
  /** Checks the addresses a name resolves to; omitted for our own origins (feed-api). */
  readonly lookup?: LookupFunction;
  /** Bytes of the response body kept (the rest is read and dropped). */
  readonly keepBytes?: number;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
}

const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 256 }),
  https: new https.Agent({ keepAlive: true, maxSockets: 256 }),
};

/**
 * One HTTP exchange with a deadline over the whole of it (connect, send, response), no redirects
 * followed. node:http rather than fetch: its `lookup` hook lets the connection use exactly the
 * addresses that were checked.
 */
export async function httpExchange(request: HttpRequest): Promise<HttpResponse> {
  await checkLiteralHost(request);
  return exchange(request);
}

function exchange(request: HttpRequest): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const url = new URL(request.url);
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(
      url,
      {
        method: request.method,
        headers: {
          ...request.headers,
          ...(request.body ? { 'content-length': String(request.body.length) } : {}),
        },
        agent: url.protocol === 'https:' ? agents.https : agents.http,
        ...(request.lookup ? { lookup: request.lookup } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        const keep = request.keepBytes ?? 0;
        res.on('data', (chunk: Buffer) => {
          if (kept < keep) {
            chunks.push(chunk.subarray(0, keep - kept));
            kept += Math.min(chunk.length, keep - kept);
          }
        });
        res.on('end', () => {
          clearTimeout(timer);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          });
        });
        res.on('error', fail);
      },
    );
    const timer = setTimeout(() => {
      req.destroy(new Error(`no complete answer within ${request.timeoutMs} ms`));
    }, request.timeoutMs);
    function fail(error: Error): void {
      clearTimeout(timer);
      reject(error);
    }
    req.on('error', fail);
    req.end(request.body);
  });
}

/**
 * node connects to an IP-literal host without calling `lookup`, so the address check would never
 * see it: an endpoint configured as `http://10.0.0.5/…` while the allow-list permitted it kept
 * being delivered to after the list was narrowed. The lookup is asked about such a host first.
 */
function checkLiteralHost(request: HttpRequest): Promise<void> {
  const { lookup } = request;
  const host = new URL(request.url).hostname.replace(/^\[|\]$/g, '');
  if (!lookup || isIP(host) === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    lookup(host, { all: true }, (error) => (error ? reject(error) : resolve()));
  });
}

/** A POST whose outcome the retry rules judge: any answer is a response, anything else a failure. */
export async function attempt(request: HttpRequest): Promise<AttemptResult> {
  try {
    const response = await httpExchange(request);
    const retryAfter = response.headers['retry-after'];
    return {
      kind: 'response',
      status: response.status,
      ...(typeof retryAfter === 'string' ? { retryAfter } : {}),
    };
  } catch (error) {
    const code = (error as { code?: string }).code;
    return {
      kind: 'failure',
      message: `${code ? `${code}: ` : ''}${(error as Error).message}`,
      ...(error instanceof RefusedAddressError ? { permanent: true } : {}),
    };
  }
}
