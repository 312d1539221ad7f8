import { oracleFile, repoRoot } from './oracles-dir';
import { verdictOf, type OracleVerdict } from './oracle-verdict';
import { runCommand } from './run-command';
import { withTempFiles } from './temp-files';

/**
 * The jsonfeed-schema 0.5.0 JSON Feed 1.1 schema through ajv (check_jsonfeed.cjs), run from the
 * repository root so it finds our ajv and ajv-formats. Version must be exactly 1.1.
 */
export function validateJsonFeed(document: Buffer | string): Promise<OracleVerdict> {
  const script = oracleFile('jsonfeed', 'check_jsonfeed.cjs');
  return withTempFiles([document], 'json', async ([path = '']) =>
    verdictOf(
      [await runCommand(process.execPath, [script, path], { cwd: repoRoot() })],
      'check_jsonfeed.cjs',
    ),
  );
}
