import { oracleFile, PYTHON } from './oracles-dir';
import type { OracleVerdict } from './oracle-verdict';
import { runCommand } from './run-command';
import { withTempFiles } from './temp-files';

/** check_feed.py's one JSON line. */
export interface FeedCheck {
  readonly ok: boolean;
  readonly version: string;
  readonly encoding: string | null;
  readonly entries: number;
  readonly first_title: string | null;
  readonly feed_title: string | null;
  readonly errors: readonly string[];
}

export interface FeedCheckOptions {
  /** Default 1, as check_feed.py's; 0 for a feed that may be empty. */
  readonly minEntries?: number;
}

/** Universal Feed Parser's verdict on an RSS or Atom document: no bozo, required fields present. */
export function checkFeed(
  document: Buffer | string,
  { minEntries = 1 }: FeedCheckOptions = {},
): Promise<OracleVerdict & { readonly check: FeedCheck }> {
  const script = oracleFile('feedparser', 'check_feed.py');
  return withTempFiles([document], 'xml', async ([path = '']) => {
    const result = await runCommand(PYTHON, [script, '--min-entries', String(minEntries), path]);
    const check = JSON.parse(result.stdout) as FeedCheck;
    return {
      ok: result.code === 0 && check.ok,
      output: `check_feed.py (exit ${result.code}) ${result.stdout}${result.stderr}`.trim(),
      check,
    };
  });
}
