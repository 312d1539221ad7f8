import { main } from '../cli';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/**
 * The partners CLI run in-process (its main with argv) with the env `env()` gives at each call:
 * `run` returns what it printed and its exit code, `ok` the JSON of a command that must succeed
 * (notes on stderr allowed, a `partners:` error not).
 */
export function partnersCli(env: () => NodeJS.ProcessEnv): {
  run: (...args: string[]) => Promise<CliRun>;
  ok: <T>(...args: string[]) => Promise<T>;
} {
  const run = async (...args: string[]): Promise<CliRun> => {
    let out = '';
    let err = '';
    const code = await main(args, {
      env: env(),
      output: { out: (text) => void (out += text), err: (text) => void (err += text) },
    });
    return { code, out, err };
  };
  const ok = async <T>(...args: string[]): Promise<T> => {
    const result = await run(...args);
    expect({ code: result.code, err: result.err.includes('partners:') ? result.err : '' }).toEqual({
      code: 0,
      err: '',
    });
    return JSON.parse(result.out) as T;
  };
  return { run, ok };
}
