import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repoRoot } from '../repo-root';

/** Debian's Python: the one that sees python3-feedparser and python3-lxml (the pyenv one on PATH does not). */
export const PYTHON = '/usr/bin/python3';

/**
 * `../shared/oracles` beside the repository, or `DEPECHE_ORACLES_DIR`. A missing folder fails the
 * test that needs it: an oracle that is not there has not said yes.
 */
export function oraclesDir(): string {
  const dir = process.env.DEPECHE_ORACLES_DIR ?? resolve(repoRoot(), '..', 'shared', 'oracles');
  if (!existsSync(join(dir, 'README.md'))) {
    throw new Error(
      `The independent validators are not at ${dir}. Put the shared oracles folder beside the ` +
        'repository (../shared/oracles) or set DEPECHE_ORACLES_DIR to it.',
    );
  }
  return dir;
}

export function oracleFile(...parts: string[]): string {
  const file = join(oraclesDir(), ...parts);
  if (!existsSync(file)) throw new Error(`oracle file missing: ${file}`);
  return file;
}

export { repoRoot };
