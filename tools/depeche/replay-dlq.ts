import {
  AuditLog,
  deadLetterFromKafka,
  matchesDeadLetterFilter,
  migrate,
  MIGRATIONS,
  openDatabase,
  OpsDeadLetterStore,
  replayMessage,
  type DeadLetterFilter,
} from '@depeche/persistence';
import type { CliContext } from './cli-context';
import { ProgressBar } from './progress-bar';
import { readTopicToEnd } from './read-topic-to-end';

/**
 * Reads the dead-letter topic to its end, replays the letters the filter selects to the events
 * topic (original key, value and headers, dlq-* removed, `replayed-from` added), and records the
 * replay in the operators' audit log, as the dashboard does. Reads the topic itself rather than
 * the ops app's index, so it works when the ops app is down.
 */
export async function replayDeadLetters(
  ctx: CliContext,
  filter: DeadLetterFilter,
  dryRun: boolean,
): Promise<number> {
  // notReplayedOnly (the default; --all turns it off): a letter replayed before, by this command or
  // the dashboard, is skipped, so running the command twice does not send everything twice.
  const producer = ctx.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const db = openDatabase(ctx.env);
  await migrate(db, MIGRATIONS);
  await producer.connect();
  const bar = new ProgressBar(ctx.output.progress, 'dead letters read');
  const index = new OpsDeadLetterStore(db);
  let total = 0;
  let read = 0;
  let replayed = 0;
  let skipped = 0;
  try {
    await readTopicToEnd(
      ctx.kafka,
      ctx.env.INGEST_DLQ_TOPIC,
      (range) => {
        total = range.total;
        bar.update(0, total);
      },
      async (partition, message) => {
        const letter = deadLetterFromKafka(ctx.env.INGEST_DLQ_TOPIC, partition, message);
        read++;
        if (matchesDeadLetterFilter(letter, filter)) {
          if (filter.notReplayedOnly && (await index.get(letter))?.replayedAt !== undefined) {
            skipped++;
          } else {
            if (!dryRun) {
              await producer.send({
                topic: ctx.env.INGEST_TOPIC,
                acks: -1,
                messages: [replayMessage(letter)],
              });
              // Indexed (idempotent, as the ops app indexes it) and marked: the dashboard shows it
              // as replayed, and the next run of this command skips it.
              const now = new Date();
              await index.index(letter, now);
              await index.markReplayed(letter, ctx.actor, now);
            }
            replayed++;
          }
        }
        bar.update(read, total);
      },
    );
    bar.finish(read, total);
    if (!dryRun) {
      await new AuditLog(db).record({
        actor: ctx.actor,
        action: 'replay-dead-letters',
        target: JSON.stringify(filter),
        detail: `${replayed} of ${read} replayed to ${ctx.env.INGEST_TOPIC}`,
        at: new Date().toISOString(),
      });
    }
    const before =
      skipped > 0 ? ` (${skipped} replayed before, skipped: --all replays them again)` : '';
    ctx.output.out(
      `${dryRun ? 'would replay' : 'replayed'} ${replayed} of ${read} dead letters to ${ctx.env.INGEST_TOPIC}${before}\n`,
    );
    return replayed;
  } finally {
    await producer.disconnect();
    await db.close();
  }
}
