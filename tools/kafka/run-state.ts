/** The state file a started broker leaves in <cache>/run, and the temp dir it names. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Paths } from './paths';
import { isAlive, isMarkedBrokerArgv, processArgv } from './processes';

export const DATA_DIR_PREFIX = 'depeche-kafka-';

/** What startKafka records in <cache>/run/<port>.json. */
export interface RunState {
  pid: number;
  port: number;
  host: string;
  controllerPort: number;
  dataDir: string;
  logFile: string;
  version: string;
  startedAt: string;
  watchdogPid?: number;
}

export function stateFile(paths: Paths, port: number): string {
  return path.join(paths.cacheDir, 'run', `${port}.json`);
}

export function readState(file: string): RunState | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as RunState;
  } catch {
    return undefined;
  }
}

export function writeState(file: string, state: RunState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`);
}

/**
 * True when pid is one of our broker JVMs. Guards against signalling an
 * unrelated process that got the pid of a broker that died long ago.
 */
export function isOurBroker(pid: number): boolean {
  if (!isAlive(pid)) return false;
  const argv = processArgv(pid);
  // Without /proc we cannot check; trust the state file.
  return argv.length === 0 || isMarkedBrokerArgv(argv);
}

/** Only ever delete directories that startKafka created. */
export function removeDataDir(dataDir: string): void {
  const resolved = path.resolve(dataDir);
  if (
    path.dirname(resolved) === path.resolve(os.tmpdir()) &&
    path.basename(resolved).startsWith(DATA_DIR_PREFIX)
  ) {
    fs.rmSync(resolved, { recursive: true, force: true });
  }
}

export function cleanUpState(file: string, state: RunState | undefined): void {
  if (state) removeDataDir(state.dataDir);
  fs.rmSync(file, { force: true });
}
