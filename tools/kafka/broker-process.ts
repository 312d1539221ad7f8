/** Formatting the storage, starting the broker JVM and waiting until it answers. */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { randomClusterId } from './broker-config';
import { runCommand } from './jars';
import { sleep } from './paths';
import { isAlive, JVM_MARKER, KAFKA_MAIN_CLASS } from './processes';

const STORAGE_TOOL_CLASS = 'kafka.tools.StorageTool';

function javaBaseArgs(libsDir: string, dataDir: string): string[] {
  return [
    JVM_MARKER,
    '-Djava.awt.headless=true',
    `-Dlog4j2.configurationFile=${path.join(dataDir, 'log4j2.properties')}`,
    '-cp',
    `${libsDir}${path.sep}*`,
  ];
}

export async function formatStorage(
  libsDir: string,
  dataDir: string,
  configFile: string,
): Promise<void> {
  const { code, output } = await runCommand(
    'java',
    [
      // The format tool is short-lived: skip the JIT's slow tiers.
      '-XX:TieredStopAtLevel=1',
      '-Xmx256m',
      ...javaBaseArgs(libsDir, dataDir),
      STORAGE_TOOL_CLASS,
      'format',
      '--cluster-id',
      randomClusterId(),
      '--config',
      configFile,
      '--standalone',
    ],
    dataDir,
  );
  if (code !== 0) {
    throw new Error(`kafka-storage format failed (${code}):\n${tail(output, 30)}`);
  }
}

function tail(text: string, lines: number): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

function logTail(logFile: string, lines = 40): string {
  try {
    return tail(fs.readFileSync(logFile, 'utf8'), lines);
  } catch {
    return '(no broker log)';
  }
}

export function spawnBroker(
  libsDir: string,
  dataDir: string,
  heapMb: number,
  port: number,
): { pid: number; logFile: string } {
  const logFile = path.join(dataDir, 'broker.log');
  const out = fs.openSync(logFile, 'a');
  const child = spawn(
    'java',
    [
      `-Xmx${heapMb}m`,
      `-Xms${Math.min(heapMb, 128)}m`,
      `-Ddepeche.kafka.port=${port}`,
      ...javaBaseArgs(libsDir, dataDir),
      KAFKA_MAIN_CLASS,
      path.join(dataDir, 'server.properties'),
    ],
    // Own process group: a Ctrl-C in the terminal must not half-kill it; the
    // watchdog or stopKafka shuts it down instead.
    { cwd: dataDir, detached: true, stdio: ['ignore', out, out] },
  );
  fs.closeSync(out);
  child.unref();
  if (child.pid === undefined) throw new Error('could not spawn java');
  return { pid: child.pid, logFile };
}

/** One metadata round trip; true when the broker lists itself. */
export async function brokerAnswers(brokers: string, timeoutMs: number): Promise<boolean> {
  const kafka = new Kafka({
    clientId: 'depeche-kafka-probe',
    brokers: [brokers],
    connectionTimeout: Math.min(timeoutMs, 1000),
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

export async function waitUntilReady(
  brokers: string,
  pid: number,
  logFile: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) {
      throw new Error(`Kafka JVM ${pid} exited during startup. Log tail:\n${logTail(logFile)}`);
    }
    if (await brokerAnswers(brokers, 2000)) return;
    await sleep(250);
  }
  throw new Error(
    `Kafka on ${brokers} not ready after ${timeoutMs / 1000} s. Log tail:\n${logTail(logFile)}`,
  );
}
