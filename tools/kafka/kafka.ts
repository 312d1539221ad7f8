/**
 * A real single-node Apache Kafka broker (KRaft mode) for tests and local
 * development, without Docker: the broker jars come from Maven Central
 * (tools/kafka/pom.xml) and run on the machine's `java` (17+).
 *
 * Only node built-ins and kafkajs are used so that this compiles to plain
 * CommonJS and runs as `node dist/tools/kafka/cli.js <cmd>`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LOG4J2_PROPERTIES, serverProperties } from './broker-config';
import { brokerAnswers, formatStorage, spawnBroker, waitUntilReady } from './broker-process';
import { ensureKafkaJars } from './jars';
import type {
  KafkaStatus,
  PortOptions,
  StartedKafka,
  StartOptions,
  StopOptions,
  StopResult,
} from './kafka-options';
import { defaultLog, envNumber, resolvePaths, resolvePort, sleep } from './paths';
import { controllerPortFor, portIsFree } from './ports';
import { isAlive, processArgv, signal, waitForExit } from './processes';
import {
  cleanUpState,
  DATA_DIR_PREFIX,
  isOurBroker,
  readState,
  removeDataDir,
  stateFile,
  writeState,
  type RunState,
} from './run-state';
import { spawnWatchdog, WATCHDOG_NAME } from './watchdog';

export type * from './kafka-options';
export { randomClusterId, serverProperties } from './broker-config';
export { ensureKafkaJars, pomKafkaVersion } from './jars';
export { findStrayKafkaJvms, JVM_MARKER } from './processes';

const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_HEAP_MB = 512;
const DEFAULT_READY_TIMEOUT_MS = 90_000;
const DEFAULT_STOP_TIMEOUT_MS = 20_000;

/** Throws a clear error when the ports are taken, cleans up a stale state. */
async function assertCanStart(file: string, port: number, host: string): Promise<void> {
  const previous = readState(file);
  if (previous && isOurBroker(previous.pid)) {
    throw new Error(
      `Kafka is already running on ${previous.host}:${port} (pid ${previous.pid}, ` +
        `started ${previous.startedAt}). Stop it first: npm run kafka:stop`,
    );
  }
  if (previous) cleanUpState(file, previous);
  if (!(await portIsFree(port, host))) {
    throw new Error(
      `port ${host}:${port} is already in use by another process; ` +
        'stop it or choose another port with KAFKA_PORT',
    );
  }
}

/**
 * Formats a fresh KRaft log dir, starts a detached broker JVM and resolves
 * once it answers a metadata request.
 */
export async function startKafka(opts: StartOptions = {}): Promise<StartedKafka> {
  const started = Date.now();
  const paths = resolvePaths(opts);
  const log = opts.log ?? defaultLog;
  const port = resolvePort(opts.port);
  const host = opts.host ?? DEFAULT_HOST;
  const heapMb = opts.heapMb ?? envNumber('KAFKA_HEAP_MB') ?? DEFAULT_HEAP_MB;
  const file = stateFile(paths, port);

  await assertCanStart(file, port, host);
  const { version, libsDir } = await ensureKafkaJars({ ...opts, log });
  const controllerPort = await controllerPortFor(port, host);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), DATA_DIR_PREFIX));
  let pid: number | undefined;
  try {
    const configFile = path.join(dataDir, 'server.properties');
    fs.writeFileSync(path.join(dataDir, 'log4j2.properties'), LOG4J2_PROPERTIES);
    fs.writeFileSync(
      configFile,
      serverProperties({
        host,
        port,
        controllerPort,
        logDir: path.join(dataDir, 'logs'),
        autoCreateTopics: opts.autoCreateTopics ?? false,
      }),
    );
    await formatStorage(libsDir, dataDir, configFile);

    const broker = spawnBroker(libsDir, dataDir, heapMb, port);
    pid = broker.pid;
    const state: RunState = {
      pid,
      port,
      host,
      controllerPort,
      dataDir,
      logFile: broker.logFile,
      version,
      startedAt: new Date().toISOString(),
    };
    if (opts.ownerPid !== undefined) {
      const watchdogPid = spawnWatchdog(opts.ownerPid, pid, dataDir, file);
      if (watchdogPid !== undefined) state.watchdogPid = watchdogPid;
    }
    // Written before waiting so that stopKafka can clean up a broker that
    // never became ready.
    writeState(file, state);

    const brokers = `${host}:${port}`;
    await waitUntilReady(
      brokers,
      pid,
      broker.logFile,
      opts.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS,
    );
    const readyMs = Date.now() - started;
    log(
      `kafka: ready on ${brokers} in ${(readyMs / 1000).toFixed(1)} s (Kafka ${version}, pid ${pid})`,
    );
    return {
      brokers,
      pid,
      dataDir,
      readyMs,
      version,
      port,
      logFile: broker.logFile,
    };
  } catch (error) {
    // The error carries the log tail, so the temp dir can go.
    if (pid !== undefined) {
      await stopKafka({ ...opts, port, log: () => undefined });
    } else {
      removeDataDir(dataDir);
    }
    throw error;
  }
}

/**
 * Stops the broker recorded for `port`: SIGTERM (controlled shutdown), then
 * SIGKILL after timeoutMs. Removes its data dir and state file. Idempotent.
 */
export async function stopKafka(opts: StopOptions = {}): Promise<StopResult> {
  const paths = resolvePaths(opts);
  const port = resolvePort(opts.port);
  const file = stateFile(paths, port);
  const state = readState(file);
  if (!state) return { wasRunning: false, killed: false };

  const wasRunning = isOurBroker(state.pid);
  let killed = false;
  if (wasRunning) {
    signal(state.pid, 'SIGTERM');
    if (!(await waitForExit(state.pid, opts.timeoutMs ?? DEFAULT_STOP_TIMEOUT_MS))) {
      signal(state.pid, 'SIGKILL');
      killed = true;
      await waitForExit(state.pid, 5000);
    }
  }
  // The watchdog would exit by itself within a second; don't let it linger.
  if (state.watchdogPid !== undefined && isAlive(state.watchdogPid)) {
    const argv = processArgv(state.watchdogPid);
    if (argv.length === 0 || argv.includes(WATCHDOG_NAME)) {
      signal(state.watchdogPid, 'SIGTERM');
    }
  }
  cleanUpState(file, state);
  return { wasRunning, pid: state.pid, killed };
}

/** What the state file says, checked against the process table and the port. */
export async function kafkaStatus(opts: PortOptions = {}): Promise<KafkaStatus> {
  const paths = resolvePaths(opts);
  const port = resolvePort(opts.port);
  const file = stateFile(paths, port);
  const state = readState(file);
  if (!state) return { port, running: false, answers: false, stale: false };
  if (!isOurBroker(state.pid)) {
    cleanUpState(file, state);
    return {
      port,
      running: false,
      answers: false,
      pid: state.pid,
      stale: true,
    };
  }
  return {
    port,
    running: true,
    answers: await brokerAnswers(`${state.host}:${port}`, 3000),
    pid: state.pid,
    dataDir: state.dataDir,
    version: state.version,
    startedAt: state.startedAt,
    stale: false,
  };
}

export interface RestartOptions extends StopOptions {
  /** How long the broker stays down between stop and start; default 0. */
  downMs?: number;
  /** Owner for the new watchdog (the old one exits with the old JVM). */
  ownerPid?: number;
  heapMb?: number;
  readyTimeoutMs?: number;
}

/**
 * Restarts the broker recorded for `port` on its existing log dir, as an operator restarting
 * a broker would: a clean SIGTERM shutdown, an optional pause, the same JVM started again.
 * Topics, messages and committed offsets survive. For the tests that prove nothing is lost.
 */
export async function restartKafka(
  opts: RestartOptions = {},
): Promise<{ readyMs: number; pid: number }> {
  const paths = resolvePaths(opts);
  const port = resolvePort(opts.port);
  const file = stateFile(paths, port);
  const state = readState(file);
  if (!state || !isOurBroker(state.pid))
    throw new Error(`no running Kafka on port ${port} to restart`);
  signal(state.pid, 'SIGTERM');
  if (!(await waitForExit(state.pid, opts.timeoutMs ?? DEFAULT_STOP_TIMEOUT_MS))) {
    signal(state.pid, 'SIGKILL');
    await waitForExit(state.pid, 5000);
  }
  if (opts.downMs) await sleep(opts.downMs);
  const started = Date.now();
  const { libsDir } = await ensureKafkaJars({ ...opts, version: state.version });
  const heapMb = opts.heapMb ?? envNumber('KAFKA_HEAP_MB') ?? DEFAULT_HEAP_MB;
  const broker = spawnBroker(libsDir, state.dataDir, heapMb, port);
  const next: RunState = { ...state, pid: broker.pid, logFile: broker.logFile };
  delete next.watchdogPid;
  if (opts.ownerPid !== undefined) {
    const watchdogPid = spawnWatchdog(opts.ownerPid, broker.pid, state.dataDir, file);
    if (watchdogPid !== undefined) next.watchdogPid = watchdogPid;
  }
  writeState(file, next);
  await waitUntilReady(
    `${state.host}:${port}`,
    broker.pid,
    broker.logFile,
    opts.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS,
  );
  return { readyMs: Date.now() - started, pid: broker.pid };
}
