import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Writes each document to its own file in a fresh folder, runs `use` on the paths, removes the folder. */
export async function withTempFiles<T>(
  documents: readonly (Buffer | string)[],
  extension: string,
  use: (paths: string[]) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'depeche-oracle-'));
  try {
    const paths = documents.map((_, index) => join(dir, `document-${index}.${extension}`));
    await Promise.all(documents.map((bytes, index) => writeFile(paths[index] ?? '', bytes)));
    return await use(paths);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
