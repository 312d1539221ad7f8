/**
 * `npm run bench:feeds` (run it as `flock /tmp/depeche-dist.lock npm run bench:feeds`): the feed
 * API's full path (key, entitlement, document cache) under wrk on loopback, next to two ceilings
 * serving the same bytes with the same headers in the same run: nginx (a static file, sendfile) and
 * a bare node:http server (from memory). Paths: (a) 304 on If-None-Match, (b) 200 with gzip,
 * (c) 200 uncompressed, all on a cached 50-item RSS feed of sample-sized stories; (d) a full page
 * of the change stream. Then freshness: events produced to Kafka at 200/s, the real ingest app
 * consuming them, and the time from produce to visible in the partner's feed.
 * Not a test: nothing is asserted. Everything started here is stopped, even on failure.
 *
 * BENCH_SECONDS (10, split over BENCH_ROUNDS, 5, that alternate the servers), BENCH_WARMUP_SECONDS (2),
 * BENCH_THREADS (2), BENCH_CONNECTIONS (32),
 * BENCH_STORIES (600), BENCH_RATE (200), BENCH_FRESHNESS_SECONDS (20),
 * BENCH_FRESHNESS_WARMUP_SECONDS (3), BENCH_POLL_MS (10),
 * BENCH_NGINX_WORKERS (1), KAFKA_BROKERS (unset: a broker of its own on KAFKA_PORT).
 */
import { createPostgresTestDatabase, startAppProcess } from '@depeche/testing';
import { Kafka, logLevel } from 'kafkajs';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { startKafka, stopKafka } from '../kafka/kafka';
import { fmt, peakRssMb } from './bench-support';
import { Cleanup } from './feeds/cleanup';
import { measureFreshness, summarise } from './feeds/freshness';
import { NGINX_WORKERS, startNginx } from './feeds/nginx';
import { startNodeCeiling, type Ceiling } from './feeds/node-ceiling';
import { headerOf, rawGet, type RawResponse } from './feeds/raw-get';
import type { StaticRoute } from './feeds/static-route';
import { runWrk, type WrkOptions, type WrkResult } from './feeds/wrk';
import { CHANNEL, seedWorld } from './feeds/world';

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
const env = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
const WRK: WrkOptions = {
  threads: env('BENCH_THREADS', 2),
  connections: env('BENCH_CONNECTIONS', 32),
  seconds: env('BENCH_SECONDS', 10),
  warmUpSeconds: env('BENCH_WARMUP_SECONDS', 2),
};
const STORIES = env('BENCH_STORIES', 600);
const ROUNDS = env('BENCH_ROUNDS', 5);
/** wrk takes whole seconds. */
const ROUND_SECONDS = Math.max(1, Math.round(WRK.seconds / ROUNDS));
const PAGE = 100; // the change stream's default page
const FEED_ITEMS = 50; // the feed's default limit

/** The cursor the API issues for a change-log seq (apps/feed-api/src/changes/change-cursor.ts). */
const cursorOf = (seq: number): string => Buffer.from(`c1.${seq}`, 'utf8').toString('base64url');

type Server = 'depeche' | 'nginx' | 'node:http';

interface Scenario {
  readonly label: string;
  readonly status: number;
  /** The ratio to nginx this path should reach, if the issue sets one. */
  readonly target?: number;
  readonly requests: Partial<Record<Server, { url: string; headers: Record<string, string> }>>;
}

async function bench(cleanup: Cleanup): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'depeche-bench-feeds-'));
  cleanup.add('temp dir', () => rmSync(dir, { recursive: true, force: true }));

  // 1. The store, written through ingest's write path, a partner, its key and channel.
  const database = await createPostgresTestDatabase();
  cleanup.add('database', () => database.drop());
  const key = await seedWorld(database, STORIES);
  const feedApi = await startAppProcess('feed-api', {
    ...database.env,
    // The bench is one client hammering one key: the per-key limit would answer 429.
    FEED_API_RATE_PER_SECOND: '1000000',
    FEED_API_RATE_BURST: '1000000',
    LOG_LEVEL: 'warn',
    // To compare settings without editing the bench, e.g. FEED_API_DEBOUNCE_MS=25.
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('FEED_API_'))),
  });
  cleanup.add('feed-api', () => feedApi.stop());
  const auth = { authorization: `Bearer ${key}` };
  const feedUrl = `${feedApi.url}/v1/feeds/${CHANNEL}.rss`;

  // 2. The cached feed and change pages, as a partner receives them.
  await rawGet(feedUrl, auth); // builds the document: later requests hit the cache
  const identity = expect(await rawGet(feedUrl, auth), 200, 'feed');
  const gzip = expect(await rawGet(feedUrl, { ...auth, 'accept-encoding': 'gzip' }), 200, 'gzip');
  const items = identity.body.toString('utf8').match(/<item>/g)?.length ?? 0;
  if (items !== FEED_ITEMS) throw new Error(`the feed has ${items} items, not ${FEED_ITEMS}`);
  if (headerOf(gzip.headers, 'content-encoding') !== 'gzip') throw new Error('no gzip answer');
  if (!gunzipSync(gzip.body).equals(identity.body)) throw new Error('gzip bytes differ');
  const etag = headerOf(identity.headers, 'etag');
  const etagGzip = headerOf(gzip.headers, 'etag');

  const [latest] = await database.db.query<{ seq: number | string }>(
    'SELECT MAX(seq) AS seq FROM article_changes',
  );
  const lastSeq = Number(latest?.seq ?? 0);
  const [documents] = await database.db.query<{ bytes: number | string }>(
    'SELECT AVG(LENGTH(document)) AS bytes FROM article_versions',
  );
  const changes = (seq: number) => `${feedApi.url}/v1/changes?cursor=${cursorOf(seq)}`;
  // (d) from the first change: a full page of 100 with STORIES - 100 more behind it.
  const fromStart = changes(lastSeq - STORIES);
  // (d') 100 changes before the end: the same page size with nothing behind it.
  const nearEnd = changes(lastSeq - PAGE);
  const page = expect(await rawGet(fromStart, auth), 200, 'changes');
  const lastPage = expect(await rawGet(nearEnd, auth), 200, 'changes near the end');
  for (const [name, response] of [
    ['from start', page],
    ['near end', lastPage],
  ] as const) {
    const count = (JSON.parse(response.body.toString('utf8')) as { changes: unknown[] }).changes
      .length;
    if (count !== PAGE) throw new Error(`change page ${name} has ${count} changes, not ${PAGE}`);
  }

  // 3. The ceilings: the same bytes and headers.
  const www = join(dir, 'www');
  mkdirSync(www);
  const file = (name: string, bytes: Buffer): string => {
    writeFileSync(join(www, name), bytes);
    return join(www, name);
  };
  const copied = (response: RawResponse, names: readonly string[]): Record<string, string> =>
    Object.fromEntries(
      names
        .map((name) => [name, headerOf(response.headers, name)] as const)
        .filter(([, value]) => value !== ''),
    );
  const routes: StaticRoute[] = [
    {
      path: '/feed.rss',
      contentType: headerOf(identity.headers, 'content-type'),
      headers: copied(identity, ['cache-control', 'vary', 'link', 'last-modified']),
      identityFile: file('feed.rss', identity.body),
      gzipFile: file('feed.rss.gz', gzip.body),
      etag,
      etagGzip,
    },
    {
      path: '/changes.json',
      contentType: headerOf(page.headers, 'content-type'),
      headers: copied(page, ['cache-control', 'vary']),
      identityFile: file('changes.json', page.body),
    },
  ];
  const nginx = await startNginx(dir, www, routes);
  cleanup.add('nginx', () => nginx.stop());
  const node = await startNodeCeiling(dir, routes);
  cleanup.add('node:http ceiling', () => node.stop());
  await checkCeiling(nginx, identity.body, gzip.body, 'nginx');
  await checkCeiling(node, identity.body, gzip.body, 'node:http');
  const nginxGzipEtag = headerOf(
    (await rawGet(`${nginx.url}/feed.rss`, { 'accept-encoding': 'gzip' })).headers,
    'etag',
  );

  // 4. Load: each path on each server in turn, the same request headers everywhere.
  const gz = { ...auth, 'accept-encoding': 'gzip' };
  const feedAt = (ceiling: Ceiling) => `${ceiling.url}/feed.rss`;
  const scenarios: Scenario[] = [
    {
      label: '(a) 304 If-None-Match',
      status: 304,
      target: 0.6,
      requests: {
        depeche: { url: feedUrl, headers: { ...gz, 'if-none-match': etagGzip } },
        // nginx answers 304 only to its own ETag (mtime-size of the .gz it would send).
        nginx: { url: feedAt(nginx), headers: { ...gz, 'if-none-match': nginxGzipEtag } },
        'node:http': { url: feedAt(node), headers: { ...gz, 'if-none-match': etagGzip } },
      },
    },
    {
      label: '(b) 200 gzip',
      status: 200,
      target: 0.4,
      requests: {
        depeche: { url: feedUrl, headers: gz },
        nginx: { url: feedAt(nginx), headers: gz },
        'node:http': { url: feedAt(node), headers: gz },
      },
    },
    {
      label: '(c) 200 uncompressed',
      status: 200,
      requests: {
        depeche: { url: feedUrl, headers: auth },
        nginx: { url: feedAt(nginx), headers: auth },
        'node:http': { url: feedAt(node), headers: auth },
      },
    },
    {
      label: `(d) changes, page of ${PAGE}`,
      status: 200,
      requests: {
        depeche: { url: fromStart, headers: auth },
        nginx: { url: `${nginx.url}/changes.json`, headers: auth },
        'node:http': { url: `${node.url}/changes.json`, headers: auth },
      },
    },
    {
      label: `(d') changes, last ${PAGE}`,
      status: 200,
      requests: { depeche: { url: nearEnd, headers: auth } },
    },
  ];

  console.log(
    `feed: ${FEED_ITEMS}-item RSS of sample-sized stories, ${fmt(identity.body.length)} bytes ` +
      `(gzip ${fmt(gzip.body.length)}); change page: ${PAGE} changes, ${fmt(page.body.length)} bytes; ` +
      `stored version documents ${fmt(Number(documents?.bytes ?? 0))} characters each; ` +
      `${fmt(STORIES)} stories in PostgreSQL`,
  );
  console.log(
    `wrk -t${WRK.threads} -c${WRK.connections}, ${ROUNDS} rounds of ${ROUND_SECONDS} s ` +
      `per server after a ${WRK.warmUpSeconds} s ` +
      `warm-up, loopback; nginx worker_processes ${NGINX_WORKERS}, sendfile on; node ${process.version}`,
  );
  console.log(
    `${'path'.padEnd(26)}${'server'.padEnd(11)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}` +
      `${'p99 ms'.padStart(9)}${'bytes/resp'.padStart(12)}`,
  );
  for (const scenario of scenarios) {
    const rounds: Partial<Record<Server, WrkResult>>[] = [];
    const servers = Object.entries(scenario.requests) as [
      Server,
      { url: string; headers: Record<string, string> },
    ][];
    for (const [server, request] of servers) {
      const check = await rawGet(request.url, request.headers);
      if (check.status !== scenario.status) {
        throw new Error(`${scenario.label} on ${server} answered ${check.status}`);
      }
    }
    // Rounds, each server in turn within each: this machine's speed drifts by half from one
    // minute to the next, and a ratio taken within one round compares like with like.
    for (let round = 0; round < ROUNDS; round++) {
      const results: Partial<Record<Server, WrkResult>> = {};
      for (const [server, request] of servers) {
        results[server] = await runWrk(
          dir,
          `${scenario.label}-${server}`,
          request.url,
          request.headers,
          {
            ...WRK,
            seconds: ROUND_SECONDS,
            warmUpSeconds: round === 0 ? WRK.warmUpSeconds : 0,
          },
        );
      }
      rounds.push(results);
    }
    const median = (values: number[]): number => {
      const sorted = [...values].sort((a, b) => a - b);
      return sorted[Math.floor(sorted.length / 2)] ?? NaN;
    };
    for (const [server] of servers) {
      const all = rounds.map((results) => results[server]).filter((r) => r !== undefined);
      const bad = all.reduce((n, r) => n + r.bad, 0);
      const socketErrors = all.reduce((n, r) => n + r.socketErrors, 0);
      const problems =
        bad + socketErrors > 0 ? `  (${bad} non-2xx/3xx, ${socketErrors} socket errors)` : '';
      const perRound = all.map((r) => fmt(r.requestsPerSecond)).join(' ');
      console.log(
        `${(server === 'depeche' ? scenario.label : '').padEnd(26)}${server.padEnd(11)}` +
          `${fmt(median(all.map((r) => r.requestsPerSecond))).padStart(9)}` +
          `${fmt(median(all.map((r) => r.p50Ms)), 2).padStart(9)}` +
          `${fmt(median(all.map((r) => r.p99Ms)), 2).padStart(9)}` +
          `${fmt(all[0]?.bytesPerResponse ?? NaN).padStart(12)}  rounds: ${perRound}${problems}`,
      );
    }
    /** The median over rounds of depeche's req/s over the server's in the same round. */
    const ratioTo = (server: Server): number =>
      median(
        rounds.map(
          (results) =>
            (results.depeche?.requestsPerSecond ?? NaN) /
            (results[server]?.requestsPerSecond ?? NaN),
        ),
      );
    if (scenario.requests.nginx) {
      const ratio = ratioTo('nginx');
      const target = scenario.target === undefined ? '' : ` (target ≥ ${scenario.target}×)`;
      const met =
        scenario.target === undefined ? '' : ratio >= scenario.target ? ' met' : ' NOT MET';
      console.log(
        `${''.padEnd(26)}depeche/nginx ${fmt(ratio, 2)}×${target}${met}, ` +
          `depeche/node:http ${fmt(ratioTo('node:http'), 2)}× (medians of the rounds' ratios)`,
      );
    }
  }
  console.log(`feed-api peak RSS after load: ${fmt(peakRssMb(feedApi.child.pid ?? 0))} MB`);
  await nginx.stop();
  await node.stop();

  // 5. Freshness on a real broker with the real ingest app.
  const ownPort = process.env.KAFKA_BROKERS ? undefined : env('KAFKA_PORT', 9092);
  if (ownPort !== undefined) {
    cleanup.add('kafka', () => stopKafka({ port: ownPort }));
  }
  const brokers =
    ownPort === undefined
      ? String(process.env.KAFKA_BROKERS)
      : (await startKafka({ port: ownPort, ownerPid: process.pid })).brokers;
  const kafka = new Kafka({
    clientId: 'bench-feeds',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
  });
  const rate = env('BENCH_RATE', 200);
  const pollMs = env('BENCH_POLL_MS', 10);
  const fresh = await measureFreshness({
    kafka,
    brokers,
    database,
    // The default 50-item feed: a story pushed out by newer ones of the same commit never shows
    // in it and counts as never visible. (A 200-item feed, tried, is a 1 MB body per poll, and
    // the poller's own slowness then dominated the figure.)
    feedUrl,
    key,
    rate,
    seconds: env('BENCH_FRESHNESS_SECONDS', 20),
    warmUpSeconds: env('BENCH_FRESHNESS_WARMUP_SECONDS', 3),
    pollMs,
  });
  console.log(
    `freshness: ${fmt(fresh.produced)} events produced at ${fmt(fresh.producedPerSecond)}/s ` +
      `(target ${fmt(rate)}/s), ${fmt(fresh.seen)} seen in the feed; feed polled every ${pollMs} ms ` +
      `with If-None-Match (${fmt(fresh.polls)} polls, ${fmt(fresh.fullPolls)} answered 200)`,
  );
  const n = fresh.produced;
  console.log(
    `  produce -> visible in the feed:   ${summarise(fresh.visible, n)} (target p99 < 250 ms)`,
  );
  console.log(`  produce -> committed by ingest:   ${summarise(fresh.committed, n)}`);
  const both = fresh.committedToVisible;
  console.log(`  committed -> visible (feed-api): ${summarise(both, both.length)}`);
  const warm = fresh.warmUp;
  console.log(
    `  left out: the ${fmt(warm.produced)} events of the first ` +
      `${fmt(warm.produced / rate)} s (fresh processes warming up), produce -> visible ` +
      summarise(warm.visible, warm.produced),
  );
}

function expect(response: RawResponse, status: number, what: string): RawResponse {
  if (response.status !== status) {
    throw new Error(
      `${what}: ${response.status} instead of ${status}: ${response.body.toString()}`,
    );
  }
  return response;
}

/** The ceiling sends depeche's bytes, gzip when asked, and 304 to its own ETag. */
async function checkCeiling(
  ceiling: Ceiling,
  identity: Buffer,
  gzip: Buffer,
  name: string,
): Promise<void> {
  const plain = expect(await rawGet(`${ceiling.url}/feed.rss`), 200, name);
  const packed = expect(
    await rawGet(`${ceiling.url}/feed.rss`, { 'accept-encoding': 'gzip' }),
    200,
    name,
  );
  if (!plain.body.equals(identity) || !packed.body.equals(gzip)) {
    throw new Error(`${name} does not serve depeche's bytes`);
  }
  if (headerOf(packed.headers, 'content-encoding') !== 'gzip') throw new Error(`${name}: no gzip`);
  expect(
    await rawGet(`${ceiling.url}/feed.rss`, {
      'accept-encoding': 'gzip',
      'if-none-match': headerOf(packed.headers, 'etag'),
    }),
    304,
    `${name} conditional`,
  );
}

async function main(): Promise<void> {
  const cleanup = new Cleanup();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void cleanup.runAll().finally(() => process.exit(130));
    });
  }
  try {
    await bench(cleanup);
  } finally {
    await cleanup.runAll();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
