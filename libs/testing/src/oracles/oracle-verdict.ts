import type { CommandResult } from './run-command';

/** What an oracle said: `ok`, and its own words, to show in a failing test. */
export interface OracleVerdict {
  readonly ok: boolean;
  readonly output: string;
}

export function verdictOf(results: readonly CommandResult[], label: string): OracleVerdict {
  return {
    ok: results.every((result) => result.code === 0),
    output: results
      .map((result) => `${label} (exit ${result.code})\n${result.stdout}${result.stderr}`.trim())
      .join('\n'),
  };
}
