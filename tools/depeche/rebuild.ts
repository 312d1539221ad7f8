import {
  ArticleStore,
  migrate,
  MIGRATIONS,
  openDatabase,
  type SqlDatabase,
} from '@depeche/persistence';
import { loadConfig } from '@depeche/config';
import { createReadyTopics } from '@depeche/kafka';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { DepecheCliEnv } from './depeche-cli.env';
import type { CliContext } from './cli-context';
import { ProgressBar } from './progress-bar';
import {
  rebuildProgress,
  rebuildRanges,
  type RebuildFrom,
  type RebuildStart,
} from './rebuild-start';
import { targetEnv } from './rebuild-target';

/**
 * Rebuilds a store from the events topic by running the ingest app itself against a fresh
 * database: the same decode, normalise and store code as the live store, so the same events give
 * the same state by construction (and a test checks it). The ingest gets a consumer group of its
 * own whose offsets are set to the chosen start, and throw-away items and dead-letter topics, so
 * partners and the dead-letter queue see nothing of the rebuild. It ends when the group has
 * committed up to the high watermarks taken at start.
 */
export async function rebuild(ctx: CliContext, into: string, from: RebuildStart): Promise<number> {
  const target = targetEnv(into);
  const store = openDatabase(loadConfig(DepecheCliEnv, target));
  try {
    await refuseFilledStore(store);
    // The schema first: a store rebuilt from nothing (a time after the last event) is still a store.
    await migrate(store, MIGRATIONS);
  } finally {
    await store.close();
  }
  const entry = join(ctx.root, 'dist', 'apps', 'ingest', 'src', 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build`);

  const id = randomUUID().slice(0, 8);
  const group = `depeche-rebuild-${id}`;
  const scratch = [`depeche-rebuild-${id}.items`, `depeche-rebuild-${id}.dlq`];
  const admin = ctx.kafka.admin();
  await admin.connect();
  try {
    const topic = ctx.env.INGEST_TOPIC;
    const watermarks = await admin.fetchTopicOffsets(topic);
    const resolved: RebuildFrom =
      from.kind === 'time'
        ? {
            kind: 'time',
            offsets: await admin.fetchTopicOffsetsByTimestamp(topic, from.at.getTime()),
          }
        : from;
    const ranges = rebuildRanges(watermarks, resolved);
    await admin.setOffsets({
      groupId: group,
      topic,
      partitions: ranges.map((r) => ({ partition: r.partition, offset: String(r.start) })),
    });
    await createReadyTopics(
      admin,
      scratch.map((t) => ({
        topic: t,
        numPartitions: 1,
        configEntries: [{ name: 'max.message.bytes', value: String(8 * 1024 * 1024) }],
      })),
    );
    const bar = new ProgressBar(ctx.output.progress, `events of ${topic} re-consumed`);
    if (ranges.every((r) => r.start >= r.end)) bar.finish(0, 0);
    else {
      const ingest = await startIngest(entry, {
        ...target,
        KAFKA_BROKERS: ctx.env.KAFKA_BROKERS,
        KAFKA_CLIENT_ID: `${ctx.env.KAFKA_CLIENT_ID}-rebuild`,
        INGEST_TOPIC: topic,
        INGEST_GROUP_ID: group,
        ITEMS_TOPIC: scratch[0] ?? '',
        INGEST_DLQ_TOPIC: scratch[1] ?? '',
        LOG_LEVEL: 'warn',
      });
      try {
        for (;;) {
          const [offsets] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
          const { done, total } = rebuildProgress(ranges, offsets?.partitions ?? []);
          bar.update(done, total);
          if (done >= total) break;
          if (ingest.exitCode() !== null) throw new Error(`ingest exited:\n${ingest.output()}`);
          await Promise.race([
            sleep(500),
            ctx.interrupted.then(() => Promise.reject(new Error('interrupted'))),
          ]);
        }
      } finally {
        await ingest.stop();
      }
      const { total } = rebuildProgress(ranges, []);
      bar.finish(total, total);
    }
    const rebuilt = openDatabase(loadConfig(DepecheCliEnv, target));
    const articles = await new ArticleStore(rebuilt).countArticles().finally(() => rebuilt.close());
    // Events ingest refused (invalid JSON, schema violations…) went to the scratch dead-letter
    // topic, deleted below: say how many, or a rebuild that stored less would not say why.
    const refused = (await admin.fetchTopicOffsets(scratch[1] ?? '')).reduce(
      (sum, partition) => sum + Number(partition.high),
      0,
    );
    const refusedNote =
      refused > 0
        ? `; ${refused} invalid event${refused === 1 ? '' : 's'} refused, as the live dead-letter topic holds them`
        : '';
    ctx.output.out(`rebuilt ${articles} articles into ${into}${refusedNote}\n`);
    return articles;
  } finally {
    await admin.deleteTopics({ topics: scratch }).catch(() => undefined);
    await admin.deleteGroups([group]).catch(() => undefined);
    await admin.disconnect();
  }
}

/** A rebuild writes into an empty store only: mixing it with another state would prove nothing. */
async function refuseFilledStore(db: SqlDatabase): Promise<void> {
  const count = await new ArticleStore(db).countArticles().catch(() => 0); // no schema yet: empty
  if (count > 0)
    throw new Error(`the target store already holds ${count} articles; give a fresh one`);
}

interface IngestChild {
  exitCode(): number | null;
  output(): string;
  stop(): Promise<void>;
}

async function startIngest(entry: string, env: Record<string, string>): Promise<IngestChild> {
  const port = await freePort();
  const child = spawn(process.execPath, [entry], {
    env: { PATH: process.env.PATH, ...env, HTTP_PORT: String(port), HTTP_HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer): void => void (output = (output + chunk.toString()).slice(-10_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    exitCode: () => child.exitCode,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
