import { articleGuid } from '@depeche/article';
import {
  JSON_EVENT_HEADERS,
  sampleEvent,
  startAppProcess,
  testTopics,
  uniqueName,
  type TestDatabase,
} from '@depeche/testing';
import type { Kafka, Message } from 'kafkajs';
import { percentile } from '../bench-support';
import { PROVIDER } from './world';
import { headerOf, rawGet } from './raw-get';

export interface FreshnessOptions {
  readonly kafka: Kafka;
  readonly brokers: string;
  readonly database: TestDatabase;
  /** The partner's feed URL and key. */
  readonly feedUrl: string;
  readonly key: string;
  readonly rate: number;
  readonly seconds: number;
  /**
   * Seconds of events at the same rate produced first and left out of the figures: the first
   * seconds of freshly started ingest and feed-api processes (JIT, connection pools, first plans)
   * took 100-300 ms a batch against ~20 ms after, and were most of the p99 of a 20 s run. Their
   * own figures are returned apart (`warmUp`), as wrk's warm-up is for the HTTP paths.
   */
  readonly warmUpSeconds: number;
  /** Pause between two polls of the feed. */
  readonly pollMs: number;
}

export interface FreshnessFigures {
  readonly produced: number;
  readonly seen: number;
  /** produce -> first seen in the feed, ms, sorted. */
  readonly visible: number[];
  /** produce -> committed by ingest (first seen in article_changes by a 10 ms poll), ms, sorted. */
  readonly committed: number[];
  /** committed -> first seen in the feed: feed-api's own share, ms, sorted. */
  readonly committedToVisible: number[];
  readonly polls: number;
  readonly fullPolls: number;
  readonly producedPerSecond: number;
  /** The warm-up's events: how many, and produce -> visible for them, ms, sorted. */
  readonly warmUp: { readonly produced: number; readonly visible: number[] };
}

const GUID = /<guid[^>]*>([^<]*)<\/guid>/g;

/**
 * Events of new stories produced to Kafka at `rate` per second while the real ingest app consumes
 * them into the feed-api's database; the partner's RSS feed is polled every `pollMs` with
 * If-None-Match, and the first time each story's guid appears in it is its visible time.
 */
export async function measureFreshness(o: FreshnessOptions): Promise<FreshnessFigures> {
  const topics = await testTopics(o.kafka);
  let ingest: Awaited<ReturnType<typeof startAppProcess>> | undefined;
  let polling = true;
  try {
    const topic = await topics.create('bench.feeds.events', 6);
    ingest = await startAppProcess('ingest', {
      ...o.database.env,
      KAFKA_BROKERS: o.brokers,
      INGEST_TOPIC: topic,
      INGEST_DLQ_TOPIC: await topics.create('bench.feeds.dlq'),
      ITEMS_TOPIC: await topics.create('bench.feeds.items', 6),
      INGEST_GROUP_ID: uniqueName('bench-feeds-ingest'),
      LOG_LEVEL: 'warn',
      // To compare settings without editing the bench, e.g. INGEST_PARTITIONS_CONCURRENTLY=6.
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('INGEST_'))),
    });
    const run = uniqueName('fresh');
    let pollError: Error | undefined;
    const failIfPollFailed = (): void => {
      if (pollError !== undefined) throw pollError;
    };
    const producedAt = new Map<string, number>();
    const seenAt = new Map<string, number>();
    const guidToId = new Map<string, string>();
    const event = (n: number): Message => {
      const id = `${run}-${n}`;
      guidToId.set(articleGuid(PROVIDER, id), id);
      const now = new Date().toISOString();
      const value = sampleEvent({
        occurredAt: now,
        article: { id, headline: `Fraîcheur ${n}`, firstPublishedAt: now, updatedAt: now },
      });
      return { key: id, value: JSON.stringify(value), headers: { ...JSON_EVENT_HEADERS } };
    };

    // Commit times: article_changes rows are committed in seq order (CHANGES_LOCK), so following
    // seq from the current maximum sees each story when its transaction commits (processed_at is
    // the time ingest received the event, before validation, normalisation and commit).
    const committedAt = new Map<string, number>();
    const [top] = await o.database.db.query<{ seq: number | string | null }>(
      'SELECT MAX(seq) AS seq FROM article_changes',
    );
    let followed = Number(top?.seq ?? 0);
    const follower = (async () => {
      while (polling) {
        const rows = await o.database.db.query<{ seq: number | string; article_id: string }>(
          'SELECT seq, article_id FROM article_changes WHERE seq > $1 ORDER BY seq',
          [followed],
        );
        const at = Date.now();
        for (const row of rows) {
          if (!committedAt.has(row.article_id)) committedAt.set(row.article_id, at);
          followed = Number(row.seq);
        }
        await new Promise((r) => setTimeout(r, o.pollMs));
      }
    })().catch((error: unknown) => {
      pollError = error instanceof Error ? error : new Error(String(error));
    });

    let polls = 0;
    let fullPolls = 0;
    let etag = '';
    const poller = (async () => {
      while (polling) {
        const response = await rawGet(o.feedUrl, {
          authorization: `Bearer ${o.key}`,
          ...(etag ? { 'if-none-match': etag } : {}),
        });
        const at = Date.now();
        polls++;
        if (response.status === 200) {
          fullPolls++;
          etag = headerOf(response.headers, 'etag');
          for (const [, guid = ''] of response.body.toString('utf8').matchAll(GUID)) {
            const id = guidToId.get(guid);
            if (id !== undefined && !seenAt.has(id)) seenAt.set(id, at);
          }
        } else if (response.status !== 304) {
          throw new Error(`feed poll answered ${response.status}: ${response.body.toString()}`);
        }
        await new Promise((r) => setTimeout(r, o.pollMs));
      }
    })().catch((error: unknown) => {
      pollError = error instanceof Error ? error : new Error(String(error));
    });

    const producer = o.kafka.producer();
    await producer.connect();
    try {
      // Warm-up: until one story shows, the consumer group may still be joining.
      const warm = event(-1);
      await producer.send({ topic, acks: -1, messages: [warm] });
      const warmId = String(warm.key);
      const deadline = Date.now() + 60_000;
      while (!seenAt.has(warmId)) {
        failIfPollFailed();
        if (Date.now() > deadline)
          throw new Error(`warm-up story not visible:\n${ingest.output()}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      // Paced: `rate` events per second in slices every 50 ms, produce time taken just before send;
      // the first `warmUpSeconds` of them are the warm-up.
      const warmTotal = o.rate * o.warmUpSeconds;
      const total = warmTotal + o.rate * o.seconds;
      const slice = Math.max(1, Math.round(o.rate / 20));
      const start = Date.now();
      for (let n = 0; n < total; n += slice) {
        const due = start + (n / o.rate) * 1000;
        if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
        failIfPollFailed();
        const messages = Array.from({ length: Math.min(slice, total - n) }, (_, i) => event(n + i));
        const now = Date.now();
        for (const m of messages) producedAt.set(String(m.key), now);
        await producer.send({ topic, acks: -1, messages });
      }
      const producedPerSecond = (total / (Date.now() - start)) * 1000;
      const settle = Date.now() + 30_000;
      while (seenAt.size < total + 1 && Date.now() < settle) {
        failIfPollFailed();
        await new Promise((r) => setTimeout(r, 100));
      }
      polling = false;
      await Promise.all([poller, follower]);
      failIfPollFailed();

      const visible: number[] = [];
      const committed: number[] = [];
      const committedToVisible: number[] = [];
      const warmVisible: number[] = [];
      for (const [id, produced] of producedAt) {
        const seen = seenAt.get(id);
        const saved = committedAt.get(id);
        if (Number(id.slice(run.length + 1)) < warmTotal) {
          if (seen !== undefined) warmVisible.push(seen - produced);
          continue;
        }
        if (seen !== undefined) visible.push(seen - produced);
        if (saved !== undefined) committed.push(saved - produced);
        if (seen !== undefined && saved !== undefined) committedToVisible.push(seen - saved);
      }
      const sort = (list: number[]): number[] => list.sort((a, b) => a - b);
      return {
        produced: total - warmTotal,
        seen: visible.length,
        visible: sort(visible),
        committed: sort(committed),
        committedToVisible: sort(committedToVisible),
        polls,
        fullPolls,
        producedPerSecond,
        warmUp: { produced: warmTotal, visible: sort(warmVisible) },
      };
    } finally {
      polling = false;
      await Promise.all([poller, follower]);
      await producer.disconnect();
    }
  } finally {
    polling = false;
    await ingest?.stop();
    await topics.cleanup();
  }
}

/**
 * Percentiles over `total` stories, those never measured counted as never (a story pushed out of
 * the 50 newest before a rebuild showed it is never visible in the feed, only in the change stream).
 */
export function summarise(list: readonly number[], total: number): string {
  const all = [...list, ...Array<number>(Math.max(0, total - list.length)).fill(Infinity)];
  const ms = (n: number): string => (Number.isFinite(n) ? `${n} ms` : 'never');
  const never = total - list.length;
  return (
    `p50 ${ms(percentile(all, 50))}, p99 ${ms(percentile(all, 99))}, max ${ms(all[all.length - 1] ?? NaN)}` +
    (never > 0 ? ` (${never} of ${total} never)` : '')
  );
}
