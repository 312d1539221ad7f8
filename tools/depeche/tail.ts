import { DLQ_HEADERS, HEADERS } from '@depeche/contracts';
import { randomUUID } from 'node:crypto';
import type { IHeaders, KafkaMessage } from 'kafkajs';
import type { CliContext } from './cli-context';

/**
 * Prints every message of the pipeline topics as it comes, one line each, until Ctrl-C:
 * `time topic[partition]@offset key summary`. A throw-away group, deleted at the end, so tailing
 * never takes messages from an app.
 */
export async function tail(ctx: CliContext, fromBeginning: boolean): Promise<void> {
  const { env } = ctx;
  const topics = [env.INGEST_TOPIC, env.INGEST_DLQ_TOPIC, env.ITEMS_TOPIC, env.OPS_EVENTS_TOPIC];
  const admin = ctx.kafka.admin();
  await admin.connect();
  const existing = new Set(await admin.listTopics());
  const groupId = `depeche-tail-${randomUUID()}`;
  const listened = topics.filter((t) => existing.has(t));
  // "From now" is each partition's end as tail starts. Left to the group's offset reset, it was
  // the end when the group had joined and first fetched, a second or more after "Ctrl-C stops"
  // was printed, and a message sent meanwhile was never shown.
  const ends = fromBeginning
    ? []
    : await Promise.all(
        listened.map(async (topic) => ({ topic, ends: await admin.fetchTopicOffsets(topic) })),
      );
  const consumer = ctx.kafka.consumer({ groupId, sessionTimeout: 10_000 });
  await consumer.connect();
  await consumer.subscribe({ topics: listened, fromBeginning });
  await consumer.run({
    eachMessage: ({ topic, partition, message }) => {
      ctx.output.out(`${tailLine(topic, partition, message, env.INGEST_DLQ_TOPIC)}\n`);
      return Promise.resolve();
    },
  });
  // Applied by kafkajs when the partition is assigned, before its first fetch.
  for (const { topic, ends: partitions } of ends) {
    for (const { partition, offset } of partitions) consumer.seek({ topic, partition, offset });
  }
  ctx.output.progress.write(`tailing ${topics.join(', ')}; Ctrl-C stops\n`);
  await ctx.interrupted;
  await consumer.disconnect();
  await admin.deleteGroups([groupId]).catch(() => undefined);
  await admin.disconnect();
}

/** One line per message: what a person watching needs, never the whole value. */
export function tailLine(
  topic: string,
  partition: number,
  message: KafkaMessage,
  deadLetterTopic: string,
): string {
  const at = new Date(Number(message.timestamp)).toISOString();
  const key = message.key?.toString('utf8') ?? '-';
  const header = (name: string): string | undefined => text(message.headers, name);
  let summary: string;
  if (topic === deadLetterTopic) {
    summary = `${header(DLQ_HEADERS.errorCode) ?? '?'}: ${header(DLQ_HEADERS.errorMessage) ?? ''}`;
  } else {
    const value = parse(message.value);
    const type = typeof value?.type === 'string' ? value.type : undefined;
    const change = typeof value?.change === 'string' ? value.change : undefined;
    const outcome = typeof value?.outcome === 'string' ? value.outcome : undefined;
    summary = type ?? change ?? outcome ?? header(HEADERS.contentType) ?? '';
  }
  const correlation = header(HEADERS.correlationId);
  const replay = header('replayed-from');
  return [
    at,
    `${topic}[${partition}]@${message.offset}`,
    key,
    summary.slice(0, 200),
    correlation ? `correlation=${correlation}` : '',
    replay ? `replayed-from=${replay}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function parse(value: Buffer | null): Record<string, unknown> | undefined {
  try {
    return value ? (JSON.parse(value.toString('utf8')) as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function text(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first?.toString();
}
