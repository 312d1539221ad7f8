import { randomBytes } from 'node:crypto';

/** 256 bits, the HMAC-SHA256 block's worth of key (RFC 2104 §3); shown once, stored sealed. */
export function newWebhookSecret(random: (size: number) => Buffer = randomBytes): string {
  return `whsec_${random(32).toString('base64url')}`;
}
