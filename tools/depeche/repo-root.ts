import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repository root, found upwards from here: the CLI runs from dist/tools/depeche when built
 * and from tools/depeche under jest, at different depths.
 */
export function repoRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'fixtures'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no repository root above ${from}`);
  }
}
