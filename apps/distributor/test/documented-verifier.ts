import { createHmac, timingSafeEqual } from 'node:crypto';

/** The example verifier of docs/webhooks.md, as a partner would copy it: only the documented scheme. */
export function verifyDepecheSignature(
  header: string,
  secret: string,
  rawBody: Buffer,
  toleranceSeconds = 300,
): boolean {
  const fields = header.split(',').map((part) => part.trim().split('='));
  const t = Number(fields.find(([key]) => key === 't')?.[1]);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.`).update(rawBody).digest();
  return fields.some(
    ([key, hex]) =>
      key === 'v1' && hex?.length === 64 && timingSafeEqual(Buffer.from(hex, 'hex'), expected),
  );
}
