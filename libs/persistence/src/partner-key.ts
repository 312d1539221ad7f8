import { createHash, randomBytes } from 'node:crypto';

/** Raw keys look like `dpk_` + 43 base64url characters, so leaked ones are easy to grep for. */
export const KEY_PREFIX = 'dpk_';
const RAW_KEY = /^dpk_[A-Za-z0-9_-]{43}$/;

/** A new raw key: 32 random bytes (256 bits) from the OS CSPRNG, base64url without padding. */
export function generateKey(random: (size: number) => Buffer = randomBytes): string {
  return KEY_PREFIX + random(32).toString('base64url');
}

/**
 * What the database keeps of a key: its SHA-256, hex. A slow KDF (bcrypt, scrypt, argon2) exists to
 * make guessing low-entropy passwords from a stolen hash expensive; a 256-bit random key cannot be
 * guessed whatever the hash speed, so the KDF would buy nothing. A fast, unsalted, deterministic
 * hash also lets authentication be one lookup on a unique index, instead of checking every key
 * with a KDF (and timing differences in that lookup reveal nothing usable about a 256-bit secret).
 */
export function hashKey(rawKey: string): string {
  return createHash('sha256').update(rawKey, 'utf8').digest('hex');
}

/** Whether the text could be a key at all: anything else is refused without a database round trip. */
export function looksLikeKey(text: string): boolean {
  return RAW_KEY.test(text);
}

/** What admins see to tell keys apart: `dpk_` and the first 6 random characters (36 of 256 bits). */
export function displayPrefix(rawKey: string): string {
  return rawKey.slice(0, KEY_PREFIX.length + 6);
}
