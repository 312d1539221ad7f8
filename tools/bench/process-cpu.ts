import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fmt } from './bench-support';

/** Clock ticks per second of /proc's CPU times (USER_HZ). */
const TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/**
 * CPU seconds a process has used, its reaped children included (PostgreSQL's backends that
 * ended count in the postmaster's cutime/cstime); 0 for a process that is gone. Linux only.
 */
export function cpuSeconds(pid: number): number {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return 0;
  }
  // Fields after the parenthesised command name, which may itself hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime, stime, cutime, cstime: fields 14–17 of proc(5), 12–15 here.
  const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0);
  return ticks / TICKS;
}

/** The pids whose command name (comm) is `name`, e.g. every PostgreSQL process. */
export function pidsNamed(name: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) pids.push(Number(entry));
    } catch {
      // Gone between the listing and the read.
    }
  }
  return pids;
}

/** Named groups of processes whose CPU is read at two instants; the difference is what a run used. */
export class CpuMeter {
  private readonly start = new Map<string, Map<number, number>>();

  constructor(private readonly groups: Readonly<Record<string, () => readonly number[]>>) {
    for (const [name, pids] of Object.entries(groups)) this.start.set(name, read(pids()));
  }

  /**
   * CPU seconds per group since construction. A process that started meanwhile counts whole; one
   * that ended counts only through its parent's reaped-children times, if its parent is in the group.
   */
  used(): Record<string, number> {
    const used: Record<string, number> = {};
    for (const [name, pids] of Object.entries(this.groups)) {
      const before = this.start.get(name) ?? new Map<number, number>();
      let total = 0;
      for (const [pid, seconds] of read(pids())) total += seconds - (before.get(pid) ?? 0);
      used[name] = total;
    }
    return used;
  }
}

function read(pids: readonly number[]): Map<number, number> {
  return new Map(pids.map((pid) => [pid, cpuSeconds(pid)]));
}

/**
 * One line of what each group used per unit of work over a run, and all of them together: e.g.
 * `CPU per delivery: distributor 0.243 ms (62 % of a core), …; all 0.658 ms (167 % of a core, …)`.
 * A run that keeps every core busy ends near cores ÷ "all": where the machine's time goes.
 */
export function cpuPerUnit(
  used: Readonly<Record<string, number>>,
  unit: string,
  units: number,
  elapsedSeconds: number,
): string {
  const ms = (seconds: number): string => fmt((seconds * 1000) / units, 3);
  const share = (seconds: number): string => fmt((seconds / elapsedSeconds) * 100);
  const all = Object.values(used).reduce((sum, seconds) => sum + seconds, 0);
  const parts = Object.entries(used).map(
    ([name, seconds]) => `${name} ${ms(seconds)} ms (${share(seconds)} % of a core)`,
  );
  return (
    `CPU per ${unit}: ${parts.join(', ')}; all ${ms(all)} ms ` +
    `(${share(all)} % of a core, this machine has ${cpus().length})`
  );
}
