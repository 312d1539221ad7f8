import { repoRoot } from '@depeche/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';

type Verifier = (
  header: string,
  secret: string,
  rawBody: Buffer,
  toleranceSeconds?: number,
) => boolean;

/**
 * The example verifier of docs/webhooks.md, read out of the document and run as a partner who
 * copied it would run it (its own context: only `require` and `Buffer` from outside). The tests
 * that verify deliveries with it therefore verify with exactly what the document says.
 */
export const verifyDepecheSignature: Verifier = documentedVerifier();

function documentedVerifier(): Verifier {
  const markdown = readFileSync(join(repoRoot(), 'docs', 'webhooks.md'), 'utf8');
  const code = /## A verifier in Node\.js\s+```js\n([\s\S]*?)```/.exec(markdown)?.[1];
  if (code === undefined) throw new Error('docs/webhooks.md has no "A verifier in Node.js" block');
  const sandbox = { require, Buffer, module: { exports: undefined as unknown } };
  runInNewContext(`${code}\nmodule.exports = verifyDepecheSignature;`, sandbox);
  if (typeof sandbox.module.exports !== 'function') {
    throw new Error('the verifier block of docs/webhooks.md defines no verifyDepecheSignature');
  }
  return sandbox.module.exports as Verifier;
}
