import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppProcess } from './apps';

export interface RunningApp {
  readonly app: AppProcess;
  readonly child: ChildProcess;
  readonly url: string;
}

/** Starts an app from the build in `dist/`, its output prefixed with its name. */
export function spawnApp(root: string, app: AppProcess, env: NodeJS.ProcessEnv): RunningApp {
  const entry = join(root, 'dist', 'apps', app.name, 'src', 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build`);
  const child = spawn(process.execPath, [entry], {
    env: { ...env, HTTP_PORT: String(app.port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = `[${app.name}] `;
  child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(prefixLines(prefix, chunk)));
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(prefixLines(prefix, chunk)));
  return { app, child, url: `http://127.0.0.1:${app.port}` };
}

/** Polls /health/live until the app answers, or fails if it exits first. */
export async function waitUntilLive(running: RunningApp, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (running.child.exitCode !== null) {
      throw new Error(`${running.app.name} exited with code ${running.child.exitCode}`);
    }
    const ok = await fetch(`${running.url}/health/live`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${running.app.name} did not answer on ${running.url} within ${timeoutMs} ms`);
}

/** SIGTERM lets each app finish its work in flight; SIGKILL after a grace period. */
export async function stopApps(apps: readonly RunningApp[], graceMs = 15_000): Promise<void> {
  await Promise.all(
    apps.map(async ({ child }) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    }),
  );
}

function prefixLines(prefix: string, chunk: Buffer): string {
  return chunk
    .toString('utf8')
    .split(/(?<=\n)/)
    .map((line) => prefix + line)
    .join('');
}
