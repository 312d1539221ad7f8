/** Where the local broker's files live, and the environment's settings for it. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CommonOptions } from './kafka-options';

const DEFAULT_PORT = 9092;

export interface Paths {
  repoRoot: string;
  pomFile: string;
  cacheDir: string;
}

export function envVar(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

export function envNumber(name: string): number | undefined {
  const raw = envVar(name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name}=${raw} is not a positive integer`);
  }
  return value;
}

export function defaultLog(line: string): void {
  process.stderr.write(`${line}\n`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function findRepoRoot(): string {
  // Works from tools/kafka (ts) and from dist/tools/kafka (compiled).
  let dir = __dirname;
  for (;;) {
    // package.json too: the build copies pom.xml into dist/tools/kafka, and dist is not the root.
    if (
      fs.existsSync(path.join(dir, 'tools', 'kafka', 'pom.xml')) &&
      fs.existsSync(path.join(dir, 'package.json'))
    ) {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

export function resolvePaths(opts: CommonOptions): Paths {
  const repoRoot = opts.repoRoot ?? findRepoRoot();
  const cacheDir = path.resolve(
    opts.cacheDir ?? envVar('DEPECHE_KAFKA_CACHE') ?? path.join(repoRoot, '.cache', 'kafka'),
  );
  return {
    repoRoot,
    pomFile: path.join(repoRoot, 'tools', 'kafka', 'pom.xml'),
    cacheDir,
  };
}

export function resolvePort(port: number | undefined): number {
  const value = port ?? envNumber('KAFKA_PORT') ?? DEFAULT_PORT;
  if (!Number.isInteger(value) || value < 1 || value > 65534) {
    throw new Error(`invalid Kafka port ${value}`);
  }
  return value;
}
