import { signatureHeader } from '../src/signing/webhook-signature';
import { verifyDepecheSignature } from './documented-verifier';

const body = Buffer.from('{"headline":"Loukachenko « reçu »"}', 'utf8');
const now = () => Math.floor(Date.now() / 1000);

/** A partner copies the verifier of docs/webhooks.md into its receiver: it must never throw. */
describe('the verifier of docs/webhooks.md', () => {
  it('accepts what the distributor signs, with either secret of a rotation', () => {
    const header = signatureHeader(['whsec_new', 'whsec_old'], now(), body);
    expect(verifyDepecheSignature(header, 'whsec_new', body)).toBe(true);
    expect(verifyDepecheSignature(header, 'whsec_old', body)).toBe(true);
    expect(verifyDepecheSignature(header, 'whsec_other', body)).toBe(false);
  });

  it.each([
    ['a v1 of 64 characters that are not hex', (t: number) => `t=${t}, v1=${'z'.repeat(64)}`],
    ['a short v1', (t: number) => `t=${t}, v1=abc`],
    ['no v1', (t: number) => `t=${t}`],
    ['no timestamp', () => `v1=${'0'.repeat(64)}`],
    ['a stale timestamp', (t: number) => signatureHeader(['s'], t - 301, body)],
    ['garbage', () => '=,=,,v1'],
  ])('answers false, without throwing, to %s', (_what, header) => {
    expect(verifyDepecheSignature(header(now()), 's', body)).toBe(false);
  });
});
