/**
 * `npm run bench:push` (issue 6): fifty partner receivers on loopback, one of them down throughout;
 * syndication items at BENCH_RATE per second (100) for BENCH_SECONDS (60) into one distributor on
 * PostgreSQL. Prints deliveries/s, produce-to-delivered p50/p99 for the healthy partners, the
 * distributor's peak RSS, and the CPU each process used per delivery. Then, in the same run, the
 * ceiling: a bare node:http client posting the same signed bytes to the same receivers for
 * BENCH_CEILING_SECONDS (10), and the ratio to it. Not a test: nothing is asserted. Target: p99
 * under 500 ms.
 */
import { Kafka, logLevel } from 'kafkajs';
import { spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderNinjs } from '@depeche/renderers';
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
import { CpuMeter, cpuPerUnit, pidsNamed } from './process-cpu';
import type { CeilingClientConfig, CeilingClientResult } from './push/ceiling-client';

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
const PARTNERS = Number(process.env.BENCH_PARTNERS ?? 50);
const RATE = Number(process.env.BENCH_RATE ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const CEILING_SECONDS = Number(process.env.BENCH_CEILING_SECONDS ?? 10);
const TOKEN = randomBytes(16).toString('hex');
/** The distributor's default DISTRIBUTOR_ENDPOINT_CONCURRENCY, which the ceiling matches. */
const PER_TARGET = 4;

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
  const own =
    ownPort === undefined ? undefined : await startKafka({ port: ownPort, ownerPid: process.pid });
  const brokers = own === undefined ? String(process.env.KAFKA_BROKERS) : own.brokers;
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
    const healthyUrls: string[] = [];
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
        healthyUrls.push(url);
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
    const cpu = new CpuMeter({
      distributor: () => [distributor.child.pid ?? 0],
      PostgreSQL: () => pidsNamed('postgres'),
      // Our broker; with KAFKA_BROKERS, every JVM of this machine (a broker elsewhere is not counted).
      Kafka: () => (own === undefined ? pidsNamed('java') : [own.pid]),
      'bench (receivers, producer)': () => [process.pid],
    });
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
    const used = cpu.used();
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(
      `${fmt(total)} items × ${PARTNERS - 1} healthy partners (1 down): ${fmt(latencies.length)} of ${fmt(expected)} delivered in ${fmt(elapsed, 1)} s, ` +
        `${fmt(latencies.length / elapsed)} deliveries/s; produce-to-delivered p50 ${fmt(percentile(sorted, 50))} ms, ` +
        `p99 ${fmt(percentile(sorted, 99))} ms; distributor peak RSS ${fmt(peakRssMb(distributor.child.pid ?? 0))} MB`,
    );
    console.log(cpuPerUnit(used, 'delivery', latencies.length, elapsed));
    await distributor.stop();
    const ceiling = await runCeiling(healthyUrls);
    const depeche = latencies.length / elapsed;
    console.log(
      `ceiling, a bare node:http client (no queue, database or Kafka), ${PER_TARGET} in flight per receiver for ${CEILING_SECONDS} s: ` +
        `${fmt(ceiling.perSecond)} posts/s (${fmt(ceiling.failed)} failed); depeche ${fmt(depeche / ceiling.perSecond, 2)}× the ceiling; ` +
        `CPU per post: client ${fmt(ceiling.clientMs, 3)} ms, receivers ${fmt(ceiling.receiversMs, 3)} ms`,
    );
  } finally {
    for (const server of servers) server.close();
    await database.drop();
    if (ownPort !== undefined) await stopKafka({ port: ownPort });
  }
}

/** The bare client of ceiling-client.ts, in a process of its own as the distributor runs in one. */
async function runCeiling(urls: readonly string[]): Promise<{
  perSecond: number;
  failed: number;
  clientMs: number;
  receiversMs: number;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'depeche-push-ceiling-'));
  try {
    const article = sampleArticle({ id: 'ceiling', guid: 'urn:bench:ceiling' });
    const rendition = renderNinjs({ article, level: 'full', now: new Date() });
    const bodyFile = join(dir, 'body.json');
    writeFileSync(bodyFile, rendition.body);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = createHmac('sha256', randomBytes(32))
      .update(`${timestamp}.`)
      .update(rendition.body)
      .digest('hex');
    const config: CeilingClientConfig = {
      urls,
      bodyFile,
      perTarget: PER_TARGET,
      seconds: CEILING_SECONDS,
      headers: {
        'content-type': rendition.mediaType,
        'user-agent': 'depeche-distributor/0.1',
        'idempotency-key': `${article.guid}:v1`,
        'x-depeche-delivery': randomBytes(16).toString('hex'),
        'x-depeche-attempt': '1',
        'x-depeche-event': 'published',
        'x-depeche-article': article.id,
        'x-depeche-version': '1',
        'x-depeche-timestamp': timestamp,
        'x-depeche-signature': `t=${timestamp}, v1=${signature}`,
      },
    };
    const configFile = join(dir, 'ceiling.json');
    writeFileSync(configFile, JSON.stringify(config));
    const child = spawn(
      process.execPath,
      [join(__dirname, 'push', 'ceiling-client.js'), configFile],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const receivers = process.cpuUsage();
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    const { user, system } = process.cpuUsage(receivers);
    if (code !== 0) throw new Error(`ceiling client exited with ${code}: ${output}`);
    const result = JSON.parse(output) as CeilingClientResult;
    return {
      perSecond: result.sent / result.seconds,
      failed: result.failed,
      clientMs: (result.cpuSeconds * 1000) / result.sent,
      receiversMs: (user + system) / 1000 / result.sent,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
