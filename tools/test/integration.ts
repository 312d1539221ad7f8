/**
 * `npm run test:integration`: runs jest's integration project (whose global setup starts and stops
 * the local Kafka), then checks that no broker JVM of ours is left behind. Ctrl-C and SIGTERM
 * reach jest; the broker's watchdog ends the JVM if jest dies without its teardown.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { findStrayKafkaJvms } from '../kafka/kafka';

const root = resolve(__dirname, '..', '..', '..');

async function main(): Promise<void> {
  // A broker that was running before (a benchmark, another checkout's tests) is not this run's to
  // judge or kill: only JVMs that appeared during the run count as left behind.
  const before = new Set(findStrayKafkaJvms());
  const jest = spawn(
    process.execPath,
    [
      resolve(root, 'node_modules/jest/bin/jest.js'),
      '--selectProjects',
      'integration',
      '--runInBand',
      ...process.argv.slice(2),
    ],
    { cwd: root, stdio: 'inherit', env: process.env },
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => jest.kill(signal));
  const code = await new Promise<number>((done) =>
    jest.on('exit', (exitCode, signal) => done(exitCode ?? (signal ? 1 : 0))),
  );
  if (!process.env.KAFKA_BROKERS) {
    const stray = await waitForNoStrayJvms(15_000, before);
    if (stray.length > 0) {
      console.error(
        `FAIL: broker JVMs left running after the tests: ${stray.join(', ')}; killing them`,
      );
      for (const pid of stray) process.kill(pid, 'SIGKILL');
      process.exit(1);
    }
    console.log('kafka: no broker JVM left running');
  }
  process.exit(code);
}

/** The watchdog may need a moment after an interrupted run; a stopped broker is gone at once. */
async function waitForNoStrayJvms(
  timeoutMs: number,
  before: ReadonlySet<number>,
): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  const ours = (): number[] => findStrayKafkaJvms().filter((pid) => !before.has(pid));
  let stray = ours();
  while (stray.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    stray = ours();
  }
  return stray;
}

void main();
