import { randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box';

describe('secret box (AES-256-GCM)', () => {
  const box = new SecretBox(randomBytes(32));

  it('opens what it sealed for the same row', () => {
    const sealed = box.seal('whsec_abc', 'endpoint-1');
    expect(sealed).not.toContain('whsec_abc');
    expect(box.open(sealed, 'endpoint-1')).toBe('whsec_abc');
  });

  it('refuses another row, another key, or a tampered text', () => {
    const sealed = box.seal('whsec_abc', 'endpoint-1');
    expect(() => box.open(sealed, 'endpoint-2')).toThrow();
    expect(() => new SecretBox(randomBytes(32)).open(sealed, 'endpoint-1')).toThrow();
    const [v, iv, tag, body = ''] = sealed.split('.');
    // One bit of the ciphertext flipped (editing a base64 character could leave the bytes alike).
    const bytes = Buffer.from(body, 'base64url');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    const flipped = `${v}.${iv}.${tag}.${bytes.toString('base64url')}`;
    expect(flipped).not.toBe(sealed);
    expect(() => box.open(flipped, 'endpoint-1')).toThrow();
  });
});
