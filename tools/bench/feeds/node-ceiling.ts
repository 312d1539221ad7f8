import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NodeCeilingConfig, StaticRoute } from './static-route';

export interface Ceiling {
  readonly url: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/** The bare node:http ceiling in a child process of its own, as depeche runs in one. */
export async function startNodeCeiling(
  dir: string,
  routes: readonly StaticRoute[],
): Promise<Ceiling> {
  const configFile = join(dir, 'node-ceiling.json');
  writeFileSync(configFile, JSON.stringify({ routes } satisfies NodeCeilingConfig));
  const child = spawn(process.execPath, [join(__dirname, 'node-ceiling.server.js'), configFile], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /listening (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`node ceiling exited with ${code}: ${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
