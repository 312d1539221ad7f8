import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The webhook signature scheme (docs/webhooks.md): HMAC-SHA256 over `<timestamp>.<body bytes>`,
 * hex, in `X-Depeche-Signature: t=<timestamp>, v1=<hex>[, v1=<hex>]`. Signing the timestamp with
 * the body lets a receiver refuse replays older than its tolerance. During a secret rotation the
 * header carries one v1 per secret still valid, the new one first.
 */
export function signature(secret: string, timestamp: number, body: Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`, 'utf8').update(body).digest('hex');
}

export function signatureHeader(
  secrets: readonly string[],
  timestamp: number,
  body: Buffer,
): string {
  return [`t=${timestamp}`, ...secrets.map((s) => `v1=${signature(s, timestamp, body)}`)].join(
    ', ',
  );
}

/** What a receiver does (the verifier of the docs, used by the tests as a partner would). */
export function verifySignatureHeader(
  header: string,
  secret: string,
  body: Buffer,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const parts = header.split(',').map((p) => p.trim().split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(signature(secret, t, body), 'hex');
  return parts.some(
    ([k, v]) =>
      k === 'v1' &&
      v !== undefined &&
      /^[0-9a-f]{64}$/.test(v) &&
      timingSafeEqual(Buffer.from(v, 'hex'), expected),
  );
}
