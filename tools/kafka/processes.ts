/** The broker JVM seen from outside: alive or not, ours or not, signalled, waited for. */
import * as fs from 'node:fs';
import { sleep } from './paths';

/** System property added to every broker JVM we start; see findStrayKafkaJvms. */
export const JVM_MARKER = '-Ddepeche.kafka=1';
export const KAFKA_MAIN_CLASS = 'kafka.Kafka';

/**
 * True while pid runs. A zombie counts as dead: a JVM whose parent (the CLI
 * or a killed test runner) is gone is reaped by init, which in some
 * sandboxes takes seconds, and `kill -0` succeeds on a zombie meanwhile.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: exists but belongs to someone else; still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/** State field of /proc/<pid>/stat (after the parenthesised command name). */
function isZombie(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const afterName = stat.lastIndexOf(')') + 2;
    const state = stat.charAt(afterName);
    return state === 'Z' || state === 'X';
  } catch {
    return false; // No /proc (not Linux): trust kill -0.
  }
}

export function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // Already gone: that is what we wanted.
  }
}

/** argv of a live process, [] if unknown (not Linux, or gone). */
export function processArgv(pid: number): string[] {
  try {
    return fs
      .readFileSync(`/proc/${pid}/cmdline`, 'utf8')
      .split('\0')
      .filter((arg) => arg !== '');
  } catch {
    return [];
  }
}

export function isMarkedBrokerArgv(argv: string[]): boolean {
  return argv.includes(JVM_MARKER) && argv.includes(KAFKA_MAIN_CLASS);
}

/** Waits until pid is gone; false on timeout. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await sleep(100);
  }
  return !isAlive(pid);
}

/**
 * Pids of every live `kafka.Kafka` JVM carrying our marker, whatever port or
 * cache it belongs to. The test command asserts this is empty at the end.
 */
export function findStrayKafkaJvms(): number[] {
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return [];
  }
  return entries
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => pid !== process.pid)
    .filter((pid) => isMarkedBrokerArgv(processArgv(pid)));
}
