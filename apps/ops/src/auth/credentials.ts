import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether the login matches, in time independent of where the strings differ: both sides are
 * hashed to equal length first (timingSafeEqual needs equal lengths, and comparing lengths would
 * leak them), and both comparisons always run.
 */
export function credentialsMatch(
  given: { username: string; password: string },
  expected: { username: string; password: string },
): boolean {
  const user = timingSafeEqual(digest(given.username), digest(expected.username));
  const pass = timingSafeEqual(digest(given.password), digest(expected.password));
  return user && pass;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
