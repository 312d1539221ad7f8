import { createHmac } from 'node:crypto';

/**
 * W3C WebSub §7: with a hub.secret, each content distribution carries
 * `X-Hub-Signature: <method>=<HMAC of the body with the secret>`; sha256 is one of the listed methods.
 */
export function hubSignature(secret: string, body: Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}
