import { oracleFile, repoRoot } from './oracles-dir';
import { verdictOf, type OracleVerdict } from './oracle-verdict';
import { runCommand } from './run-command';
import { withTempFiles } from './temp-files';

/** IPTC's ninjs 3.1 JSON Schema through ajv (check_ninjs.cjs), for one item. */
export function validateNinjs(document: Buffer | string): Promise<OracleVerdict> {
  const script = oracleFile('ninjs', 'check_ninjs.cjs');
  return withTempFiles([document], 'json', async ([path = '']) =>
    verdictOf(
      [await runCommand(process.execPath, [script, path], { cwd: repoRoot() })],
      'check_ninjs.cjs',
    ),
  );
}

/**
 * Many ninjs items in one check_ninjs.cjs run (it takes one file, and a Node start per item is
 * slow). The items travel as the `associations` of a carrier item. That judges each item exactly
 * as it would be judged alone, because in ninjs-schema_3.1.json:
 * - the root is `{ $ref: '#/$defs/ninjsType', required: ['uri'], unevaluatedProperties: false }`;
 * - an association is `{ $ref: '#/$defs/ninjsType', properties: { name, rel }, required: ['name', 'uri'],
 *   unevaluatedProperties: false }`;
 * so an item without top-level `name` or `rel` (ninjsType defines neither) is valid alone if and
 * only if it is valid as an association once given a `name`. Items that do have `name` or `rel`
 * break that equivalence and are checked alone. Errors point at `/associations/<index>`.
 */
export async function validateNinjsItems(
  documents: readonly (Buffer | string)[],
): Promise<OracleVerdict> {
  const items = documents.map((document) => JSON.parse(document.toString()) as unknown);
  const carriable = (item: unknown): item is Record<string, unknown> =>
    typeof item === 'object' &&
    item !== null &&
    !Array.isArray(item) &&
    !('name' in item) &&
    !('rel' in item);
  const alone = documents.filter((_, index) => !carriable(items[index]));
  const carrier = {
    uri: 'urn:depeche:oracle:ninjs-batch',
    associations: items
      .filter(carriable)
      .map((item, index) => ({ name: `item-${index}`, ...item })),
  };
  const verdicts = [
    await validateNinjs(JSON.stringify(carrier)),
    ...(await Promise.all(alone.map((document) => validateNinjs(document)))),
  ];
  return {
    ok: verdicts.every((verdict) => verdict.ok),
    output: verdicts.map((verdict) => verdict.output).join('\n'),
  };
}
