import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface KcatMessage {
  readonly key?: string;
  readonly value: string | Buffer;
  readonly headers?: Readonly<Record<string, string>>;
}

/** kcat is the independent client of the tests (Debian package `kcat`; .ci/run installs it). */
export function assertKcatInstalled(): void {
  const probe = spawnSync('kcat', ['-V'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error('kcat is not installed: apt-get update && apt-get install -y kcat');
  }
}

/**
 * Produces one message with kcat, the value's exact bytes, and waits for the broker's ack.
 * The value goes through a file: kcat sends a file named on its command line as one message,
 * newlines and all, where standard input would be split into a message per line.
 */
export async function kcatProduce(
  brokers: string,
  topic: string,
  message: KcatMessage,
): Promise<void> {
  assertKcatInstalled();
  const dir = mkdtempSync(join(tmpdir(), 'depeche-kcat-'));
  const file = join(dir, 'value');
  writeFileSync(file, message.value);
  const args = ['-b', brokers, '-t', topic, '-P', '-X', 'acks=all'];
  if (message.key !== undefined) args.push('-k', message.key);
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    args.push('-H', `${name}=${value}`);
  }
  try {
    await run('kcat', [...args, file]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}: ${stderr}`)),
    );
  });
}
