/**
 * `node dist/tools/kafka/cli.js start|stop|status`, wired as
 * npm run kafka:start / kafka:stop / kafka:status.
 * Exit code 0 on success (status: running and answering), 1 otherwise.
 */
import { ensureKafkaJars, kafkaStatus, startKafka, stopKafka } from './kafka';

const USAGE =
  'usage: cli.js start|stop|status  (env: KAFKA_PORT, KAFKA_HEAP_MB, DEPECHE_KAFKA_CACHE)';

async function start(): Promise<boolean> {
  await ensureKafkaJars();
  // No ownerPid: a broker started from the command line outlives this
  // process until `kafka:stop`.
  const kafka = await startKafka();
  process.stdout.write(`brokers=${kafka.brokers} dataDir=${kafka.dataDir} log=${kafka.logFile}\n`);
  return true;
}

async function stop(): Promise<boolean> {
  const result = await stopKafka();
  if (!result.wasRunning) {
    process.stdout.write('kafka: not running\n');
  } else {
    const how = result.killed ? 'killed (SIGKILL)' : 'stopped';
    process.stdout.write(`kafka: ${how} pid ${result.pid ?? '?'}\n`);
  }
  return true;
}

async function status(): Promise<boolean> {
  const s = await kafkaStatus();
  if (!s.running) {
    const stale = s.stale ? ` (removed stale state of pid ${s.pid ?? '?'})` : '';
    process.stdout.write(`kafka: not running on port ${s.port}${stale}\n`);
    return false;
  }
  process.stdout.write(
    `kafka: running on port ${s.port}, pid ${s.pid ?? '?'}, Kafka ${s.version ?? '?'}, ` +
      `started ${s.startedAt ?? '?'}, ${s.answers ? 'answering' : 'NOT answering'}, data ${s.dataDir ?? '?'}\n`,
  );
  return s.answers;
}

const COMMANDS = new Map<string, () => Promise<boolean>>([
  ['start', start],
  ['stop', stop],
  ['status', status],
]);

async function main(argv: string[]): Promise<number> {
  const name = argv.at(2);
  const command = name === undefined ? undefined : COMMANDS.get(name);
  if (command === undefined || argv.length > 3) {
    process.stderr.write(`${USAGE}\n`);
    return 1;
  }
  return (await command()) ? 0 : 1;
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`kafka: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
