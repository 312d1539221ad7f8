/** The options and answers of the local broker's functions (kafka.ts). */

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
