/**
 * `npm run bench:ingest`: N realistic events (default 20,000, the sample article, about 8 KB each)
 * on the real broker, then in one run: (a) a bare kafkajs consumer reading them, the ceiling;
 * (b) ingest end to end into PostgreSQL; (c) the same into SQLite. Then a paced phase for
 * produce-to-stored latency. Prints events/s, p50/p99 latency, peak RSS, (b)/(a), and the CPU
 * each process (ingest, PostgreSQL, Kafka, the bench) used per event in the backlog phase.
 * Not a test: nothing is asserted. BENCH_EVENTS, BENCH_RATE (events/s of the paced phase).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Message } from 'kafkajs';
import {
  createPostgresTestDatabase,
  createSqliteTestDatabase,
  startAppProcess,
  uniqueName,
  type TestDatabase,
} from '@depeche/testing';
import { startKafka, stopKafka } from '../kafka/kafka';
import { fmt, peakRssMb, percentile } from './bench-support';
import { CpuMeter, cpuPerUnit, pidsNamed } from './process-cpu';

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
const root = resolve(__dirname, '..', '..', '..');
const N = Number(process.env.BENCH_EVENTS ?? 20_000);
const RATE = Number(process.env.BENCH_RATE ?? 1_000);
const PARTITIONS = 6;

const template = JSON.parse(
  readFileSync(join(root, 'fixtures', 'sample-article.published.json'), 'utf8'),
) as { article: Record<string, unknown> };

function event(prefix: string, n: number): Message {
  const id = `${prefix}-${n}`;
  const value = JSON.stringify({
    ...template,
    eventId: randomUUID(),
    article: { ...template.article, id, headline: `${String(template.article.headline)} ${n}` },
  });
  return { key: id, value, headers: { 'content-type': 'application/json', 'schema-version': '1' } };
}

async function produce(kafka: Kafka, topic: string, messages: Message[]): Promise<number> {
  const producer = kafka.producer();
  await producer.connect();
  const started = performance.now();
  for (let i = 0; i < messages.length; i += 500) {
    await producer.send({ topic, acks: -1, messages: messages.slice(i, i + 500) });
  }
  await producer.disconnect();
  return (messages.length / (performance.now() - started)) * 1000;
}

/** (a) the ceiling: a consumer group that reads every message and does nothing with it. */
async function bareConsumer(kafka: Kafka, topic: string): Promise<number> {
  const consumer = kafka.consumer({ groupId: uniqueName('bench-bare') });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let count = 0;
  let started = 0;
  const done = new Promise<number>((resolveDone) => {
    void consumer.run({
      eachBatch: async ({ batch }) => {
        if (started === 0) started = performance.now();
        count += batch.messages.length;
        if (count >= N) resolveDone(performance.now());
        await Promise.resolve();
      },
    });
  });
  const finished = await done;
  await consumer.disconnect();
  return (N / (finished - started)) * 1000;
}

interface IngestFigures {
  eventsPerSecond: number;
  /** cpuPerUnit's line for the backlog phase. */
  cpu: string;
  p50: number;
  p99: number;
  peakRss: number;
}

async function count(db: TestDatabase): Promise<number> {
  const rows = await db.db.query<{ n: string | number }>(
    'SELECT COUNT(*) AS n FROM processed_events',
  );
  return Number(rows[0]?.n ?? 0);
}

/** (b)/(c): the backlog of N events through ingest, then a paced phase for latency. */
async function throughIngest(
  kafka: Kafka,
  brokers: string,
  topic: string,
  db: TestDatabase,
  kafkaPid: number | undefined,
): Promise<IngestFigures> {
  const admin = kafka.admin();
  await admin.connect();
  const dlq = uniqueName('bench.dlq');
  const items = uniqueName('bench.items');
  await admin.createTopics({
    topics: [{ topic: dlq }, { topic: items, numPartitions: PARTITIONS }],
    waitForLeaders: true,
  });
  await admin.disconnect();
  const ingest = await startAppProcess('ingest', {
    ...db.env,
    KAFKA_BROKERS: brokers,
    INGEST_TOPIC: topic,
    INGEST_DLQ_TOPIC: dlq,
    ITEMS_TOPIC: items,
    INGEST_GROUP_ID: uniqueName('bench-ingest'),
    LOG_LEVEL: 'warn',
    // To compare settings without editing the bench, e.g. INGEST_PARTITIONS_CONCURRENTLY=1.
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('INGEST_'))),
  });
  const cpu = new CpuMeter({
    ingest: () => [ingest.child.pid ?? 0],
    ...(db.env.DATABASE_KIND === 'postgres' ? { PostgreSQL: () => pidsNamed('postgres') } : {}),
    // The broker this bench started; with KAFKA_BROKERS, every JVM of this machine.
    Kafka: () => (kafkaPid === undefined ? pidsNamed('java') : [kafkaPid]),
    'bench (count poller)': () => [process.pid],
  });
  const started = performance.now();
  while ((await count(db)) < N) await new Promise((r) => setTimeout(r, 50));
  const backlogSeconds = (performance.now() - started) / 1000;
  const eventsPerSecond = N / backlogSeconds;
  const used = cpuPerUnit(cpu.used(), 'event', N, backlogSeconds);

  // Paced phase: RATE events/s for 10 s; latency = produce time to the moment the stored change is
  // visible to a reader of the database (a poller stamps each new article_changes row). Ids are
  // unique per run: the backlog topic is shared, and the SQLite run also reads the PostgreSQL
  // run's paced events before its own.
  const prefix = uniqueName('paced');
  const paced = Array.from({ length: RATE * 10 }, (_, n) => event(prefix, n));
  const storedAt = new Map<string, number>();
  const poller = pollChanges(db, prefix, storedAt);
  const producer = kafka.producer();
  await producer.connect();
  const sentAt = new Map<string, number>();
  const phaseStart = Date.now();
  for (let i = 0; i < paced.length; i += RATE / 20) {
    const slice = paced.slice(i, i + RATE / 20);
    const due = phaseStart + (i / RATE) * 1000;
    if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    const now = Date.now();
    for (const m of slice) sentAt.set(String(m.key), now);
    await producer.send({ topic, acks: -1, messages: slice });
  }
  await producer.disconnect();
  while (storedAt.size < paced.length) await new Promise((r) => setTimeout(r, 100));
  poller.stop();
  const latencies = [...storedAt]
    .map(([id, at]) => at - (sentAt.get(id) ?? at))
    .sort((a, b) => a - b);
  const peakRss = peakRssMb(ingest.child.pid ?? 0);
  await ingest.stop();
  return {
    eventsPerSecond,
    cpu: used,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    peakRss,
  };
}

async function main(): Promise<void> {
  const ownPort = process.env.KAFKA_BROKERS ? undefined : Number(process.env.KAFKA_PORT ?? 9092);
  const own =
    ownPort === undefined ? undefined : await startKafka({ port: ownPort, ownerPid: process.pid });
  const brokers = own?.brokers ?? String(process.env.KAFKA_BROKERS);
  process.env.KAFKA_BROKERS = brokers;
  const kafka = new Kafka({
    clientId: 'bench',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
  });
  try {
    const admin = kafka.admin();
    await admin.connect();
    const topic = uniqueName('bench.events');
    await admin.createTopics({
      topics: [{ topic, numPartitions: PARTITIONS }],
      waitForLeaders: true,
    });
    await admin.disconnect();
    const messages = Array.from({ length: N }, (_, n) => event('bench', n));
    const bytes = messages.reduce((sum, m) => sum + Buffer.byteLength(String(m.value)), 0);
    const produceRate = await produce(kafka, topic, messages);
    console.log(
      `produced ${fmt(N)} events of ${fmt(bytes / N / 1024, 1)} KB on ${PARTITIONS} partitions at ${fmt(produceRate)} events/s`,
    );

    const ceiling = await bareConsumer(kafka, topic);
    console.log(`(a) bare kafkajs consumer:   ${fmt(ceiling)} events/s`);
    const pg = await createPostgresTestDatabase();
    const postgres = await throughIngest(kafka, brokers, topic, pg, own?.pid);
    await pg.drop();
    report('(b) ingest into PostgreSQL:', postgres, ceiling);
    const lite = createSqliteTestDatabase();
    const sqlite = await throughIngest(kafka, brokers, topic, lite, own?.pid);
    await lite.drop();
    report('(c) ingest into SQLite:    ', sqlite, ceiling);
    console.log(
      `targets: PostgreSQL ≥ 2,500 events/s, peak RSS < 250 MB; latency measured at ${fmt(RATE)} events/s`,
    );
  } finally {
    if (ownPort !== undefined) await stopKafka({ port: ownPort });
  }
}

function report(label: string, f: IngestFigures, ceiling: number): void {
  console.log(
    `${label} ${fmt(f.eventsPerSecond)} events/s (${fmt(f.eventsPerSecond / ceiling, 2)}× the bare consumer), ` +
      `produce-to-stored p50 ${fmt(f.p50)} ms p99 ${fmt(f.p99)} ms, peak RSS ${fmt(f.peakRss)} MB`,
  );
  console.log(`    backlog phase, ${f.cpu}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/** Stamps each new change of the paced stories with the time a reader first sees it. */
function pollChanges(
  db: TestDatabase,
  prefix: string,
  storedAt: Map<string, number>,
): { stop(): void } {
  let last = 0;
  let running = true;
  const loop = async (): Promise<void> => {
    while (running) {
      const rows = await db.db.query<{ seq: number | string; article_id: string }>(
        'SELECT seq, article_id FROM article_changes WHERE seq > $1 ORDER BY seq',
        [last],
      );
      const now = Date.now();
      for (const row of rows) {
        last = Math.max(last, Number(row.seq));
        if (row.article_id.startsWith(prefix) && !storedAt.has(row.article_id)) {
          storedAt.set(row.article_id, now);
        }
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  loop().catch((error: unknown) => console.error(`change poller failed: ${String(error)}`));
  return {
    stop: () => {
      running = false;
    },
  };
}
