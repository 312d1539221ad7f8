import { oracleFile } from './oracles-dir';
import { verdictOf, type OracleVerdict } from './oracle-verdict';
import { runCommand } from './run-command';
import { withTempFiles } from './temp-files';

/**
 * xmllint against IPTC's NewsML-G2 2.35 All-Power schema (+ NITF 3.6), offline. Several documents
 * go through one xmllint run (it validates each file it is given and exits non-zero if any fails).
 */
export function validateNewsml(...documents: (Buffer | string)[]): Promise<OracleVerdict> {
  const schema = oracleFile('newsml-g2', 'newsml-g2-with-nitf.xsd');
  return withTempFiles(documents, 'xml', async (paths) => {
    const result = await runCommand('xmllint', [
      '--noout',
      '--nonet',
      '--schema',
      schema,
      ...paths,
    ]);
    return verdictOf([result], 'xmllint NewsML-G2 2.35');
  });
}
