/**
 * A real single-node Apache Kafka broker (KRaft mode) for tests and local
 * development, without Docker: the broker jars come from Maven Central
 * (tools/kafka/pom.xml) and run on the machine's `java` (17+).
 *
 * Only node built-ins and kafkajs are used so that this compiles to plain
 * CommonJS and runs as `node dist/tools/kafka/cli.js <cmd>`.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';

/** System property added to every broker JVM we start; see findStrayKafkaJvms. */
export const JVM_MARKER = '-Ddepeche.kafka=1';
const KAFKA_MAIN_CLASS = 'kafka.Kafka';
const STORAGE_TOOL_CLASS = 'kafka.tools.StorageTool';
const DATA_DIR_PREFIX = 'depeche-kafka-';
const LIBS_MARKER = 'libs.complete.json';
/** $0 of the watchdog shell, so that stopKafka can recognise it. */
const WATCHDOG_NAME = 'depeche-kafka-watchdog';

const DEFAULT_PORT = 9092;
const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_HEAP_MB = 512;
const DEFAULT_READY_TIMEOUT_MS = 90_000;
const DEFAULT_STOP_TIMEOUT_MS = 20_000;

// ---------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------

export interface CommonOptions {
  /** Repository root; default: found by walking up to tools/kafka/pom.xml. */
  repoRoot?: string;
  /** Cache root; default env DEPECHE_KAFKA_CACHE or <repoRoot>/.cache/kafka. */
  cacheDir?: string;
  /** Progress/log sink; default writes to stderr. Pass () => {} to silence. */
  log?: (line: string) => void;
}

export interface EnsureJarsOptions extends CommonOptions {
  /** Kafka version; default: the kafka.version property of pom.xml. */
  version?: string;
}

export interface KafkaJars {
  version: string;
  libsDir: string;
  /** False when the marker file was valid and mvn was not run at all. */
  downloaded: boolean;
}

export interface StartOptions extends EnsureJarsOptions {
  /** PLAINTEXT port; default env KAFKA_PORT or 9092. */
  port?: number;
  host?: string;
  /** JVM -Xmx in MiB; default env KAFKA_HEAP_MB or 512. */
  heapMb?: number;
  /**
   * Pid of the process that owns the broker (e.g. the test runner). A
   * detached watchdog kills the JVM when that process dies, however it dies.
   */
  ownerPid?: number;
  /** Default false: tests must create their topics (see README.md). */
  autoCreateTopics?: boolean;
  readyTimeoutMs?: number;
}

export interface StartedKafka {
  /** kafkajs `brokers` entry, e.g. '127.0.0.1:9092'. */
  brokers: string;
  pid: number;
  dataDir: string;
  readyMs: number;
  version: string;
  port: number;
  logFile: string;
}

export interface PortOptions extends CommonOptions {
  port?: number;
}

export interface StopOptions extends PortOptions {
  timeoutMs?: number;
}

export interface StopResult {
  /** True when a live broker JVM was found and stopped. */
  wasRunning: boolean;
  pid?: number;
  /** True when SIGTERM was not enough and SIGKILL was sent. */
  killed: boolean;
}

export interface KafkaStatus {
  port: number;
  running: boolean;
  /** True when the broker answered a metadata request. */
  answers: boolean;
  pid?: number;
  dataDir?: string;
  version?: string;
  startedAt?: string;
  /** A state file existed but its JVM is gone (it is removed). */
  stale: boolean;
}

/** What startKafka records in <cache>/run/<port>.json. */
interface RunState {
  pid: number;
  port: number;
  host: string;
  controllerPort: number;
  dataDir: string;
  logFile: string;
  version: string;
  startedAt: string;
  watchdogPid?: number;
}

interface Paths {
  repoRoot: string;
  pomFile: string;
  cacheDir: string;
}

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

function envVar(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

function envNumber(name: string): number | undefined {
  const raw = envVar(name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name}=${raw} is not a positive integer`);
  }
  return value;
}

function defaultLog(line: string): void {
  process.stderr.write(`${line}\n`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * True while pid runs. A zombie counts as dead: a JVM whose parent (the CLI
 * or a killed test runner) is gone is reaped by init, which in some
 * sandboxes takes seconds, and `kill -0` succeeds on a zombie meanwhile.
 */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: exists but belongs to someone else; still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/** State field of /proc/<pid>/stat (after the parenthesised command name). */
function isZombie(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const afterName = stat.lastIndexOf(')') + 2;
    const state = stat.charAt(afterName);
    return state === 'Z' || state === 'X';
  } catch {
    return false; // No /proc (not Linux): trust kill -0.
  }
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // Already gone: that is what we wanted.
  }
}

function findRepoRoot(): string {
  // Works from tools/kafka (ts) and from dist/tools/kafka (compiled).
  let dir = __dirname;
  for (;;) {
    // package.json too: the build copies pom.xml into dist/tools/kafka, and dist is not the root.
    if (
      fs.existsSync(path.join(dir, 'tools', 'kafka', 'pom.xml')) &&
      fs.existsSync(path.join(dir, 'package.json'))
    ) {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

function resolvePaths(opts: CommonOptions): Paths {
  const repoRoot = opts.repoRoot ?? findRepoRoot();
  const cacheDir = path.resolve(
    opts.cacheDir ?? envVar('DEPECHE_KAFKA_CACHE') ?? path.join(repoRoot, '.cache', 'kafka'),
  );
  return {
    repoRoot,
    pomFile: path.join(repoRoot, 'tools', 'kafka', 'pom.xml'),
    cacheDir,
  };
}

function resolvePort(port: number | undefined): number {
  const value = port ?? envNumber('KAFKA_PORT') ?? DEFAULT_PORT;
  if (!Number.isInteger(value) || value < 1 || value > 65534) {
    throw new Error(`invalid Kafka port ${value}`);
  }
  return value;
}

// ---------------------------------------------------------------------------
// Jars
// ---------------------------------------------------------------------------

/** The kafka.version property of the pom: the single place the version lives. */
export function pomKafkaVersion(pomXml: string): string {
  const match = /<kafka\.version>\s*([^<\s]+)\s*<\/kafka\.version>/.exec(pomXml);
  if (!match?.[1]) throw new Error('pom.xml has no <kafka.version> property');
  return match[1];
}

interface LibsMarker {
  version: string;
  pomSha256: string;
  jars: string[];
  completedAt: string;
}

function readLibsMarker(file: string): LibsMarker | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LibsMarker;
  } catch {
    return undefined;
  }
}

/** Valid when written for the same pom and every jar it lists is still there. */
function markerIsValid(
  marker: LibsMarker | undefined,
  pomSha256: string,
  libsDir: string,
): boolean {
  return (
    marker !== undefined &&
    marker.pomSha256 === pomSha256 &&
    marker.jars.length > 0 &&
    marker.jars.every((jar) => fs.existsSync(path.join(libsDir, jar)))
  );
}

function runCommand(
  command: string,
  args: string[],
  cwd: string,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, output });
    });
  });
}

/**
 * Downloads the broker's runtime classpath once into
 * <cache>/<version>/libs. A marker file (keyed by the pom's hash) makes
 * later calls return at once without running mvn.
 */
export async function ensureKafkaJars(opts: EnsureJarsOptions = {}): Promise<KafkaJars> {
  const paths = resolvePaths(opts);
  const log = opts.log ?? defaultLog;
  const pomXml = fs.readFileSync(paths.pomFile, 'utf8');
  const version = opts.version ?? pomKafkaVersion(pomXml);
  const pomSha256 = createHash('sha256').update(pomXml).update(`\0${version}`).digest('hex');
  const versionDir = path.join(paths.cacheDir, version);
  const libsDir = path.join(versionDir, 'libs');
  const markerFile = path.join(versionDir, LIBS_MARKER);

  if (markerIsValid(readLibsMarker(markerFile), pomSha256, libsDir)) {
    return { version, libsDir, downloaded: false };
  }

  fs.mkdirSync(versionDir, { recursive: true });
  // Download next to the target and rename, so a killed mvn never leaves a
  // half-filled libs/ that a later run would trust.
  const tmpDir = fs.mkdtempSync(path.join(versionDir, 'libs.tmp-'));
  fs.chmodSync(tmpDir, 0o755); // mkdtemp makes it private; the cache is not.
  log(`kafka: downloading Kafka ${version} jars with mvn into ${libsDir}`);
  const started = Date.now();
  try {
    const { code, output } = await runCommand(
      'mvn',
      [
        '-q',
        '-B',
        'dependency:copy-dependencies',
        '-DincludeScope=runtime',
        `-DoutputDirectory=${tmpDir}`,
        `-Dkafka.version=${version}`,
        '-f',
        paths.pomFile,
      ],
      paths.repoRoot,
    );
    if (code !== 0) {
      throw new Error(`mvn exited with ${code}:\n${output.trim()}`);
    }
    const jars = fs.readdirSync(tmpDir).filter((f) => f.endsWith('.jar'));
    if (!jars.some((jar) => jar.startsWith(`kafka_2.13-${version}`))) {
      throw new Error(`mvn did not fetch kafka_2.13-${version}.jar`);
    }
    fs.rmSync(libsDir, { recursive: true, force: true });
    fs.renameSync(tmpDir, libsDir);
    const marker: LibsMarker = {
      version,
      pomSha256,
      jars: jars.sort(),
      completedAt: new Date().toISOString(),
    };
    fs.writeFileSync(markerFile, `${JSON.stringify(marker, null, 2)}\n`);
    log(`kafka: ${jars.length} jars in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { version, libsDir, downloaded: true };
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------
// State files
// ---------------------------------------------------------------------------

function stateFile(paths: Paths, port: number): string {
  return path.join(paths.cacheDir, 'run', `${port}.json`);
}

function readState(file: string): RunState | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as RunState;
  } catch {
    return undefined;
  }
}

function writeState(file: string, state: RunState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`);
}

/** argv of a live process, [] if unknown (not Linux, or gone). */
function processArgv(pid: number): string[] {
  try {
    return fs
      .readFileSync(`/proc/${pid}/cmdline`, 'utf8')
      .split('\0')
      .filter((arg) => arg !== '');
  } catch {
    return [];
  }
}

function isMarkedBrokerArgv(argv: string[]): boolean {
  return argv.includes(JVM_MARKER) && argv.includes(KAFKA_MAIN_CLASS);
}

/**
 * True when pid is one of our broker JVMs. Guards against signalling an
 * unrelated process that got the pid of a broker that died long ago.
 */
function isOurBroker(pid: number): boolean {
  if (!isAlive(pid)) return false;
  const argv = processArgv(pid);
  // Without /proc we cannot check; trust the state file.
  return argv.length === 0 || isMarkedBrokerArgv(argv);
}

/** Only ever delete directories that startKafka created. */
function removeDataDir(dataDir: string): void {
  const resolved = path.resolve(dataDir);
  if (
    path.dirname(resolved) === path.resolve(os.tmpdir()) &&
    path.basename(resolved).startsWith(DATA_DIR_PREFIX)
  ) {
    fs.rmSync(resolved, { recursive: true, force: true });
  }
}

function cleanUpState(file: string, state: RunState | undefined): void {
  if (state) removeDataDir(state.dataDir);
  fs.rmSync(file, { force: true });
}

// ---------------------------------------------------------------------------
// Ports
// ---------------------------------------------------------------------------

/** Resolves true when nothing listens on host:port (we can bind it). */
function portIsFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => {
      resolve(false);
    });
    server.listen({ port, host, exclusive: true }, () => {
      server.close(() => {
        resolve(true);
      });
    });
  });
}

function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port: 0, host }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

async function controllerPortFor(port: number, host: string): Promise<number> {
  return (await portIsFree(port + 1, host)) ? port + 1 : freePort(host);
}

// ---------------------------------------------------------------------------
// Broker configuration
// ---------------------------------------------------------------------------

interface BrokerConfig {
  host: string;
  port: number;
  controllerPort: number;
  logDir: string;
  autoCreateTopics: boolean;
}

/**
 * Single combined broker+controller, in the spirit of config/server.properties
 * of the Kafka distribution, tuned for a short-lived test broker.
 * https://kafka.apache.org/documentation/#kraft_config
 */
export function serverProperties(c: BrokerConfig): string {
  const props: Record<string, string | number | boolean> = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    // Dynamic quorum (KIP-853), formatted with `--standalone`: the 4.x way.
    // https://cwiki.apache.org/confluence/display/KAFKA/KIP-853
    'controller.quorum.bootstrap.servers': `${c.host}:${c.controllerPort}`,
    listeners: `PLAINTEXT://${c.host}:${c.port},CONTROLLER://${c.host}:${c.controllerPort}`,
    // The controller listener must be advertised too for a dynamic quorum.
    'advertised.listeners': `PLAINTEXT://${c.host}:${c.port},CONTROLLER://${c.host}:${c.controllerPort}`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'log.dirs': c.logDir,
    // One broker: every internal topic must have RF 1 or it is never created
    // (defaults are 3), and consumer groups / transactions hang.
    'offsets.topic.replication.factor': 1,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    // Share groups (KIP-932, Kafka 4.x) keep state in their own internal topic.
    'share.coordinator.state.topic.replication.factor': 1,
    'share.coordinator.state.topic.min.isr': 1,
    // Internal topics default to 50 partitions; creating them on the first
    // group join / transaction is what makes that first call slow.
    'offsets.topic.num.partitions': 1,
    'transaction.state.log.num.partitions': 1,
    'share.coordinator.state.topic.num.partitions': 1,
    // Joins complete at once instead of waiting 3 s for more members.
    'group.initial.rebalance.delay.ms': 0,
    'num.partitions': 1,
    'default.replication.factor': 1,
    'auto.create.topics.enable': c.autoCreateTopics,
    // 2-core CI machine: fewer threads than the defaults (3 network, 8 io).
    'num.network.threads': 2,
    'num.io.threads': 2,
    'log.segment.bytes': 16 * 1024 * 1024,
  };
  return `${Object.entries(props)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join('\n')}\n`;
}

/** log4j2 config: INFO to stdout (redirected to broker.log), minus noise. */
const LOG4J2_PROPERTIES = `status = warn
appender.stdout.type = Console
appender.stdout.name = STDOUT
appender.stdout.layout.type = PatternLayout
appender.stdout.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = info
rootLogger.appenderRef.stdout.ref = STDOUT
# Every config object dumps all its keys at INFO: hundreds of lines.
logger.config.name = org.apache.kafka.common.config.AbstractConfig
logger.config.level = warn
`;

/** A Kafka Uuid as `kafka-storage random-uuid` prints it, without a JVM. */
export function randomClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    // Kafka's Uuid.randomUuid() avoids ids starting with '-' since they are
    // mistaken for command-line flags (KAFKA-10618).
    if (!id.startsWith('-')) return id;
  }
}

function javaBaseArgs(libsDir: string, dataDir: string): string[] {
  return [
    JVM_MARKER,
    '-Djava.awt.headless=true',
    `-Dlog4j2.configurationFile=${path.join(dataDir, 'log4j2.properties')}`,
    '-cp',
    `${libsDir}${path.sep}*`,
  ];
}

async function formatStorage(libsDir: string, dataDir: string, configFile: string): Promise<void> {
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

// ---------------------------------------------------------------------------
// Processes
// ---------------------------------------------------------------------------

function spawnBroker(
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

/**
 * sh loop that outlives a crashed owner: when the owner is gone it stops the
 * JVM (TERM, then KILL after 10 s) and removes the temp dir and state file.
 * When the JVM goes first (stopKafka), it exits within a second.
 */
const WATCHDOG_SCRIPT = `owner=$1 jvm=$2 data=$3 state=$4
# kill -0 succeeds on a zombie, so also look at the /proc state letter.
alive() {
  kill -0 "$1" 2>/dev/null || return 1
  case "$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -c1)" in Z|X) return 1 ;; esac
}
while alive "$owner" && alive "$jvm"; do sleep 1; done
alive "$jvm" || exit 0
kill -TERM "$jvm" 2>/dev/null
i=0
while [ $i -lt 10 ] && alive "$jvm"; do sleep 1; i=$((i+1)); done
kill -KILL "$jvm" 2>/dev/null
rm -rf "$data" "$state"
`;

function spawnWatchdog(
  ownerPid: number,
  jvmPid: number,
  dataDir: string,
  stateFilePath: string,
): number | undefined {
  const child = spawn(
    'sh',
    [
      '-c',
      WATCHDOG_SCRIPT,
      WATCHDOG_NAME,
      String(ownerPid),
      String(jvmPid),
      dataDir,
      stateFilePath,
    ],
    { detached: true, stdio: 'ignore' },
  );
  child.unref();
  return child.pid;
}

/** Waits until pid is gone; false on timeout. */
async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await sleep(100);
  }
  return !isAlive(pid);
}

// ---------------------------------------------------------------------------
// Readiness
// ---------------------------------------------------------------------------

/** One metadata round trip; true when the broker lists itself. */
async function brokerAnswers(brokers: string, timeoutMs: number): Promise<boolean> {
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

async function waitUntilReady(
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

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

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

/**
 * Pids of every live `kafka.Kafka` JVM carrying our marker, whatever port or
 * cache it belongs to. The test command asserts this is empty at the end.
 */
export function findStrayKafkaJvms(): number[] {
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return [];
  }
  return entries
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => pid !== process.pid)
    .filter((pid) => isMarkedBrokerArgv(processArgv(pid)));
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
