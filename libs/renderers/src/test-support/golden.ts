import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Compares bytes with a golden file, byte for byte. `UPDATE_GOLDEN=1` rewrites the file instead
 * (then review the diff before committing it).
 */
export function expectGolden(file: string, body: Buffer): void {
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, body);
  if (!existsSync(file)) {
    throw new Error(`no golden file ${file}: run the test once with UPDATE_GOLDEN=1 and review it`);
  }
  expect(body.toString('utf8')).toBe(readFileSync(file, 'utf8'));
  expect(body.equals(readFileSync(file))).toBe(true);
}
