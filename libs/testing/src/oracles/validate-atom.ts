import { oracleFile, PYTHON } from './oracles-dir';
import { verdictOf, type OracleVerdict } from './oracle-verdict';
import { runCommand } from './run-command';
import { withTempFiles } from './temp-files';

/**
 * RFC 4287's RELAX NG grammar (jing) and the Schematron rules embedded in it (atom_rules.py).
 * Both take several files per run. jing's "[warning] Unable to locate ..." lines about optional
 * Java jars are Debian packaging noise, not findings; the exit code decides.
 */
export function validateAtom(...documents: (Buffer | string)[]): Promise<OracleVerdict> {
  const grammar = oracleFile('atom', 'atom.rng');
  const rules = oracleFile('atom', 'atom_rules.py');
  return withTempFiles(documents, 'atom', async (paths) => {
    const jing = await runCommand('jing', [grammar, ...paths]);
    const schematron = await runCommand(PYTHON, [rules, ...paths]);
    return {
      ok: jing.code === 0 && schematron.code === 0,
      output: [
        verdictOf([{ ...jing, stderr: withoutJarWarnings(jing.stderr) }], 'jing atom.rng').output,
        verdictOf([schematron], 'atom_rules.py').output,
      ].join('\n'),
    };
  });
}

function withoutJarWarnings(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => !/^\[warning\] .*Unable to locate/.test(line))
    .join('\n');
}
