import type { LookupFunction } from 'node:net';
import { randomBytes } from 'node:crypto';
import { httpExchange } from '../net/http-client';

export interface Intent {
  readonly mode: 'subscribe' | 'unsubscribe';
  readonly topic: string;
  readonly callback: string;
  readonly leaseSeconds?: number;
}

/**
 * W3C WebSub §5.3 verification of intent: GET the callback with hub.mode, hub.topic,
 * hub.challenge (and hub.lease_seconds on subscribe), keeping the callback's own query; the
 * subscriber confirms with a 2xx whose body is the challenge, exactly.
 */
export async function verifyIntent(
  intent: Intent,
  options: { readonly timeoutMs: number; readonly lookup: LookupFunction },
): Promise<boolean> {
  const challenge = randomBytes(24).toString('base64url');
  const params = new URLSearchParams({
    'hub.mode': intent.mode,
    'hub.topic': intent.topic,
    'hub.challenge': challenge,
    ...(intent.leaseSeconds !== undefined && { 'hub.lease_seconds': String(intent.leaseSeconds) }),
  });
  try {
    const response = await httpExchange({
      method: 'GET',
      url: withQuery(intent.callback, params),
      headers: { 'user-agent': 'depeche-hub/0.1' },
      timeoutMs: options.timeoutMs,
      lookup: options.lookup,
      keepBytes: 1024,
    });
    return (
      response.status >= 200 &&
      response.status < 300 &&
      response.body.toString('utf8') === challenge
    );
  } catch {
    return false;
  }
}

/**
 * The callback with `params` appended, its own query kept byte for byte (§5.3): URLSearchParams
 * would rewrite it (`a%20b` as `a+b`, `flag` as `flag=`, `/` as `%2F`), and a subscriber that routes
 * on or signs its query would not know the request for its own. A fragment is never sent.
 */
export function withQuery(callback: string, params: URLSearchParams): string {
  const hash = callback.indexOf('#');
  const base = hash === -1 ? callback : callback.slice(0, hash);
  const separator = !base.includes('?') ? '?' : base.endsWith('?') || base.endsWith('&') ? '' : '&';
  return `${base}${separator}${params.toString()}`;
}
