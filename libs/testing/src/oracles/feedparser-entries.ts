import { join } from 'node:path';
import { PYTHON } from './oracles-dir';
import { runCommand } from './run-command';
import { withTempFiles } from './temp-files';

/** A feed as feedparser reads it; dates are RFC 3339 UTC strings (second precision) or null. */
export interface FeedparserReading {
  readonly bozo: boolean;
  readonly bozoException: string | null;
  readonly version: string;
  readonly feed: {
    readonly title: string | null;
    readonly id: string | null;
    readonly updated: string | null;
  };
  readonly entries: readonly FeedparserEntry[];
}

export interface FeedparserEntry {
  readonly title: string | null;
  /** `text/html` when feedparser took the title for HTML (it guesses, for RSS), else `text/plain`. */
  readonly titleType: string | null;
  readonly id: string | null;
  readonly link: string | null;
  readonly published: string | null;
  readonly updated: string | null;
}

/** Every entry's title, id, link and dates as feedparser reads them (feedparser_entries.py). */
export function readFeedEntries(document: Buffer | string): Promise<FeedparserReading> {
  return withTempFiles([document], 'xml', async ([path = '']) => {
    const result = await runCommand(PYTHON, [join(__dirname, 'feedparser_entries.py'), path]);
    if (result.code !== 0) throw new Error(`feedparser_entries.py failed: ${result.stderr}`);
    return JSON.parse(result.stdout) as FeedparserReading;
  });
}
