import { randomBytes } from 'node:crypto';

/** A name no other test run on this machine will pick: prefix, time and randomness. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}
