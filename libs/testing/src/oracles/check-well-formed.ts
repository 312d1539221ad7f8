import { verdictOf, type OracleVerdict } from './oracle-verdict';
import { runCommand } from './run-command';
import { withTempFiles } from './temp-files';

/** xmllint's XML 1.0 well-formedness check alone (no schema), offline. */
export function checkWellFormed(...documents: (Buffer | string)[]): Promise<OracleVerdict> {
  return withTempFiles(documents, 'xml', async (paths) =>
    verdictOf([await runCommand('xmllint', ['--noout', '--nonet', ...paths])], 'xmllint'),
  );
}
