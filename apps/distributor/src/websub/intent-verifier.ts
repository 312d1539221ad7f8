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
  const url = new URL(intent.callback);
  url.searchParams.append('hub.mode', intent.mode);
  url.searchParams.append('hub.topic', intent.topic);
  url.searchParams.append('hub.challenge', challenge);
  if (intent.leaseSeconds !== undefined) {
    url.searchParams.append('hub.lease_seconds', String(intent.leaseSeconds));
  }
  try {
    const response = await httpExchange({
      method: 'GET',
      url: url.toString(),
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
