import { createHmac } from 'node:crypto';
import { signatureHeader, verifySignatureHeader } from './webhook-signature';
import { hubSignature } from './hub-signature';

const body = Buffer.from('{"headline":"Loukachenko « reçu »"}', 'utf8');
const t = 1_751_637_900; // 2025-07-04T14:05:00Z

describe('webhook signatures', () => {
  it('is HMAC-SHA256 of "<t>.<body>", hex, as docs/webhooks.md says', () => {
    const expected = createHmac('sha256', 'whsec_new').update(`${t}.`).update(body).digest('hex');
    expect(signatureHeader(['whsec_new'], t, body)).toBe(`t=${t}, v1=${expected}`);
  });

  it('carries one v1 per secret during a rotation, and either secret verifies', () => {
    const header = signatureHeader(['whsec_new', 'whsec_old'], t, body);
    expect(header.match(/v1=/g)).toHaveLength(2);
    expect(verifySignatureHeader(header, 'whsec_new', body, t + 10)).toBe(true);
    expect(verifySignatureHeader(header, 'whsec_old', body, t + 10)).toBe(true);
    expect(verifySignatureHeader(header, 'whsec_other', body, t + 10)).toBe(false);
  });

  it('fails on a changed body or a stale timestamp', () => {
    const header = signatureHeader(['s'], t, body);
    expect(verifySignatureHeader(header, 's', Buffer.from('{}'), t)).toBe(false);
    expect(verifySignatureHeader(header, 's', body, t + 301)).toBe(false);
  });

  it('signs WebSub content as X-Hub-Signature sha256=HMAC(secret, body)', () => {
    const expected = createHmac('sha256', 'hub-secret').update(body).digest('hex');
    expect(hubSignature('hub-secret', body)).toBe(`sha256=${expected}`);
  });
});
