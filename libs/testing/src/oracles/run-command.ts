import { spawn } from 'node:child_process';

export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The Debian package to install when a command is missing (see ../shared/oracles/README.md). */
const PACKAGES: Readonly<Record<string, string>> = {
  xmllint: 'libxml2-utils',
  jing: 'jing',
  '/usr/bin/python3': 'python3-feedparser python3-lxml',
};

/** Runs a command to its end and returns its exit code and output; never throws for a non-zero exit. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { readonly cwd?: string; readonly input?: string } = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      const hint = PACKAGES[command];
      reject(
        error.code === 'ENOENT' && hint
          ? new Error(`${command} is not installed: apt-get update && apt-get install -y ${hint}`)
          : error,
      );
    });
    child.on('close', (code) =>
      resolve({
        code: code ?? -1,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      }),
    );
    // A command that reads no input may exit before we write: its closed pipe is not an error.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}
