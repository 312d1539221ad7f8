import { repoRoot } from './repo-root';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = repoRoot();

export interface AppProcess {
  readonly name: string;
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the process printed so far, for failure messages. */
  output(): string;
  /** SIGTERM, as an orchestrator stops it; resolves with the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: a crash, no shutdown hooks. */
  kill(): Promise<void>;
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Runs an app from the build in dist/ (`npm run test:integration` builds first) as its own process,
 * the way it runs in production, and waits until `readyPath` answers 200.
 */
export async function startAppProcess(
  name: 'ingest' | 'feed-api' | 'distributor' | 'ops',
  env: Record<string, string>,
  readyPath = '/health/ready',
  timeoutMs = 60_000,
): Promise<AppProcess> {
  const entry = join(ROOT, 'dist', 'apps', name, 'src', 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build first`);
  const port = await freePort();
  // e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile the apps a test or bench starts (node
  // refuses --cpu-prof in NODE_OPTIONS, so these go on the command line).
  const nodeArgs = (process.env.DEPECHE_APP_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, entry], {
    env: {
      PATH: process.env.PATH,
      ...env,
      HTTP_PORT: String(port),
      HTTP_HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const append = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const url = `http://127.0.0.1:${port}`;
  const app: AppProcess = {
    name,
    url,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited with ${child.exitCode}:\n${output}`);
    const ok = await fetch(url + readyPath).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return app;
    await new Promise((r) => setTimeout(r, 250));
  }
  await app.kill();
  throw new Error(`${name} was not ready within ${timeoutMs} ms:\n${output}`);
}
