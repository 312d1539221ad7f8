/**
 * `npm run bench:push` (issue 6): fifty partner receivers on loopback, one of them down throughout;
 * syndication items at BENCH_RATE per second (100) for BENCH_SECONDS (60) into one distributor on
 * PostgreSQL. Prints deliveries/s, produce-to-delivered p50/p99 for the healthy partners, and the
 * distributor's peak RSS. Not a test: nothing is asserted. Target: p99 under 500 ms.
 */
import { Kafka, logLevel } from 'kafkajs';
import { createServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { migrate, MIGRATIONS, PartnerStore } from '@depeche/persistence';
import {
  createPostgresTestDatabase,
  freePort,
  sampleArticle,
  startAppProcess,
  uniqueName,
  sampleEntitlement,
} from '@depeche/testing';
import { startKafka, stopKafka } from '../kafka/kafka';
import { fmt, peakRssMb, percentile } from './bench-support';

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
const PARTNERS = Number(process.env.BENCH_PARTNERS ?? 50);
const RATE = Number(process.env.BENCH_RATE ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const TOKEN = randomBytes(16).toString('hex');

async function receiver(
  latencies: number[],
  producedAt: Map<string, number>,
): Promise<{ url: string; server: Server }> {
  const port = await freePort();
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const sent = producedAt.get(String(req.headers['x-depeche-article']));
      if (sent !== undefined) latencies.push(Date.now() - sent);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${port}/hook`, server };
}

async function main(): Promise<void> {
  const ownPort = process.env.KAFKA_BROKERS ? undefined : Number(process.env.KAFKA_PORT ?? 9092);
  const brokers =
    ownPort === undefined
      ? String(process.env.KAFKA_BROKERS)
      : (await startKafka({ port: ownPort, ownerPid: process.pid })).brokers;
  const kafka = new Kafka({
    clientId: 'bench-push',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
  });
  const database = await createPostgresTestDatabase();
  const servers: Server[] = [];
  try {
    const admin = kafka.admin();
    await admin.connect();
    const items = uniqueName('bench.items');
    const dlq = uniqueName('bench.items.dlq');
    await admin.createTopics({
      topics: [{ topic: items, numPartitions: 6 }, { topic: dlq }],
      waitForLeaders: true,
    });
    await admin.disconnect();
    await migrate(database.db, MIGRATIONS);
    const distributor = await startAppProcess('distributor', {
      ...database.env,
      KAFKA_BROKERS: brokers,
      ITEMS_TOPIC: items,
      DISTRIBUTOR_DLQ_TOPIC: dlq,
      DISTRIBUTOR_GROUP_ID: uniqueName('bench-distributor'),
      DISTRIBUTOR_SECRET_KEY: randomBytes(32).toString('base64'),
      DISTRIBUTOR_ADMIN_TOKEN: TOKEN,
      DISTRIBUTOR_WEBHOOK_ALLOW: '127.0.0.0/8',
      LOG_LEVEL: 'warn',
    });
    const partners = new PartnerStore(database.db);
    const latencies: number[] = [];
    const producedAt = new Map<string, number>();
    const downUrl = `http://127.0.0.1:${await freePort()}/hook`; // nothing listens there
    for (let p = 0; p < PARTNERS; p++) {
      const id = `bench-${p}`;
      await partners.createPartner({
        id,
        name: id,
        entitlement: sampleEntitlement({ formats: ['ninjs', 'newsml'] }),
      });
      let url = downUrl;
      if (p > 0) {
        const r = await receiver(latencies, producedAt);
        servers.push(r.server);
        url = r.url;
      }
      const response = await fetch(`${distributor.url}/admin/partners/${id}/webhooks`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ url, format: p % 2 === 0 ? 'ninjs' : 'newsml' }),
      });
      if (!response.ok) throw new Error(`webhook: ${response.status} ${await response.text()}`);
    }
    const producer = kafka.producer();
    await producer.connect();
    const total = RATE * SECONDS;
    const started = Date.now();
    for (let n = 0; n < total; n += RATE / 10) {
      const due = started + (n / RATE) * 1000;
      if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
      const batch = Array.from({ length: RATE / 10 }, (_, i) => {
        const article = sampleArticle({ id: `bench-${n + i}`, guid: `urn:bench:${n + i}` });
        const now = Date.now();
        producedAt.set(article.id, now);
        const item = {
          eventId: article.id,
          articleId: article.id,
          guid: article.guid,
          version: 1,
          change: 'published',
          storedAt: new Date(now).toISOString(),
          article,
        };
        return { key: article.id, value: JSON.stringify(item) };
      });
      await producer.send({ topic: items, messages: batch });
    }
    await producer.disconnect();
    const expected = total * (PARTNERS - 1);
    const drainUntil = Date.now() + 120_000;
    while (latencies.length < expected && Date.now() < drainUntil)
      await new Promise((r) => setTimeout(r, 250));
    const elapsed = (Date.now() - started) / 1000;
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(
      `${fmt(total)} items × ${PARTNERS - 1} healthy partners (1 down): ${fmt(latencies.length)} of ${fmt(expected)} delivered in ${fmt(elapsed, 1)} s, ` +
        `${fmt(latencies.length / elapsed)} deliveries/s; produce-to-delivered p50 ${fmt(percentile(sorted, 50))} ms, ` +
        `p99 ${fmt(percentile(sorted, 99))} ms; distributor peak RSS ${fmt(peakRssMb(distributor.child.pid ?? 0))} MB`,
    );
    await distributor.stop();
  } finally {
    for (const server of servers) server.close();
    await database.drop();
    if (ownPort !== undefined) await stopKafka({ port: ownPort });
  }
}

void main();
