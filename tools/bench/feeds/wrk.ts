import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const WRK = process.env.BENCH_WRK ?? '/usr/bin/wrk';

export interface WrkOptions {
  readonly threads: number;
  readonly connections: number;
  readonly seconds: number;
  readonly warmUpSeconds: number;
}

export interface WrkResult {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Bytes per response, headers included: the same document should cost the same everywhere. */
  readonly bytesPerResponse: number;
  /** Responses outside 2xx/3xx (a 429 or 401 would make the figure meaningless) and socket errors. */
  readonly bad: number;
  readonly socketErrors: number;
}

/**
 * wrk with a generated Lua script that only sets headers: wrk keeps its fast path (no Lua per
 * request) when the script defines no request/response functions.
 */
export async function runWrk(
  dir: string,
  label: string,
  url: string,
  headers: Record<string, string>,
  options: WrkOptions,
): Promise<WrkResult> {
  const script = join(dir, `${label.replace(/[^a-z0-9]+/gi, '-')}.lua`);
  // JSON string literals are valid Lua string literals for the ASCII header values used here.
  writeFileSync(
    script,
    Object.entries(headers)
      .map(([name, value]) => `wrk.headers[${JSON.stringify(name)}] = ${JSON.stringify(value)}`)
      .join('\n') + '\n',
  );
  const args = (seconds: number): string[] => [
    `-t${options.threads}`,
    `-c${options.connections}`,
    `-d${seconds}s`,
    '--latency',
    '-s',
    script,
    url,
  ];
  if (options.warmUpSeconds > 0) await run(WRK, args(options.warmUpSeconds));
  const { stdout } = await run(WRK, args(options.seconds));
  return parseWrk(stdout);
}

/** wrk 4.x's report: `Requests/sec:`, the `Latency Distribution` block, `N requests in Xs, Y read`. */
export function parseWrk(output: string): WrkResult {
  const number = (pattern: RegExp): number => Number(pattern.exec(output)?.[1] ?? NaN);
  const latency = (percent: number): number => {
    const match = new RegExp(`^\\s*${percent}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm').exec(output);
    return match ? durationMs(Number(match[1]), match[2] ?? 'ms') : NaN;
  };
  const total = /(\d+) requests in [\d.]+\w+, ([\d.]+)(B|KB|MB|GB)\s+read/.exec(output);
  const requests = Number(total?.[1] ?? NaN);
  const read = Number(total?.[2] ?? NaN) * unitBytes(total?.[3] ?? 'B');
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(
    output,
  );
  return {
    requestsPerSecond: number(/Requests\/sec:\s+([\d.]+)/),
    p50Ms: latency(50),
    p99Ms: latency(99),
    bytesPerResponse: read / requests,
    bad: Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0),
    socketErrors: socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
  };
}

function durationMs(value: number, unit: string): number {
  switch (unit) {
    case 'us':
      return value / 1000;
    case 's':
      return value * 1000;
    case 'm':
      return value * 60_000;
    default:
      return value;
  }
}

function unitBytes(unit: string): number {
  return { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 }[unit] ?? 1;
}
