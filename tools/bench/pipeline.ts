/**
 * `npm run bench:pipeline`: the pure ingest steps alone, no Kafka and no database. N variants of
 * the sample event (default 5,000; BENCH_EVENTS), each with its own id, version, headline and body
 * text so that nothing one event computes can be reused for the next, timed step by step:
 * decode (checks, UTF-8 and JSON.parse), validation (the contract's DTOs), normalisation (text,
 * times, URLs and the HTML sanitiser), then all three as ingest runs them.
 * Not a test: nothing is asserted. Prints wall and CPU µs per event and events/s for one core.
 */
import { normalizeArticle, type ArticleInput } from '@depeche/article';
import {
  checkMessage,
  parseJsonEnvelope,
  validateArticleEvent,
  type RawMessage,
} from '@depeche/contracts';
import { JSON_EVENT_HEADERS, SAMPLE_EVENT_FILE, type SampleEvent } from '@depeche/testing';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { decodeArticleEvent } from '../../apps/ingest/src/pipeline/decode-article-event';
import { fmt } from './bench-support';

const N = Number(process.env.BENCH_EVENTS ?? 5_000);
const WARM_UP = 500;
const MAX_BYTES = 1_048_576;

const template = JSON.parse(readFileSync(SAMPLE_EVENT_FILE, 'utf8')) as SampleEvent;

/** The sample with its own id, version and text; each paragraph gets a distinct sentence. */
function variant(n: number): RawMessage {
  const article = template.article;
  const id = `wrm-bench-${n}`;
  const event = {
    ...template,
    eventId: randomUUID(),
    article: {
      ...article,
      id,
      version: 1 + (n % 1000),
      headline: `${String(article.headline)} (${n})`,
      body: String(article.body).replace(/<\/p>/g, () => ` Variante n°&nbsp;${n}.</p>`),
    },
  };
  return {
    key: Buffer.from(id),
    value: Buffer.from(JSON.stringify(event)),
    headers: { ...JSON_EVENT_HEADERS },
  };
}

interface Step {
  readonly label: string;
  /** Wall-clock time per event. */
  readonly microseconds: number;
  /** CPU time per event, every thread of the process (GC helpers included). */
  readonly cpuMicroseconds: number;
}

/** Runs `step` once over each of `inputs` (never twice on one), after a warm-up on others. */
function time<T>(
  label: string,
  warmUp: readonly T[],
  inputs: readonly T[],
  step: (t: T) => void,
): Step {
  for (const input of warmUp) step(input);
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (const input of inputs) step(input);
  const elapsed = Number(process.hrtime.bigint() - start);
  const used = process.cpuUsage(cpu);
  return {
    label,
    microseconds: elapsed / 1000 / inputs.length,
    cpuMicroseconds: (used.user + used.system) / inputs.length,
  };
}

/**
 * Each step runs ROUNDS times, each round on variants of its own, and the fastest round is
 * reported: on a machine shared with Kafka and PostgreSQL the slower rounds measure the neighbours.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

function fastest(rounds: readonly Step[][]): Step[] {
  const best = (i: number, of: (step: Step) => number): number =>
    Math.min(...rounds.map((round) => (round[i] ? of(round[i]) : Infinity)));
  return (rounds[0] ?? []).map((step, i) => ({
    label: step.label,
    microseconds: best(i, (s) => s.microseconds),
    cpuMicroseconds: best(i, (s) => s.cpuMicroseconds),
  }));
}

function main(): void {
  const rounds = Array.from({ length: ROUNDS }, (_, r) => round(r * (WARM_UP + N)));
  const steps = fastest(rounds);
  console.log(
    `node ${process.version}, ${fmt(N)} events of about ${fmt(bytesPerEvent)} bytes, one core, fastest of ${ROUNDS} rounds`,
  );
  console.log(
    `${'step'.padEnd(36)} ${'wall µs'.padStart(9)} ${'CPU µs'.padStart(9)} ${'events/s'.padStart(9)}`,
  );
  for (const { label, microseconds, cpuMicroseconds } of steps) {
    console.log(
      `${label.padEnd(36)} ${fmt(microseconds, 1).padStart(9)} ${fmt(cpuMicroseconds, 1).padStart(9)} ${fmt(1e6 / microseconds).padStart(9)}`,
    );
  }
  console.log('events/s: one core, wall clock; CPU µs counts every thread of the process.');
}

let bytesPerEvent = 0;

function round(first: number): Step[] {
  const messages = Array.from({ length: WARM_UP + N }, (_, i) => variant(first + i));
  const warm = messages.slice(0, WARM_UP);
  const measured = messages.slice(WARM_UP);
  bytesPerEvent =
    measured.reduce((sum, m) => sum + (m.value?.length ?? 0), 0) / Math.max(1, measured.length);
  const texts = (list: readonly RawMessage[]) => list.map((m) => checkMessage(m, MAX_BYTES));
  const plains = (list: readonly RawMessage[]) =>
    texts(list).map((c) => ({ plain: parseJsonEnvelope(c.text), key: c.key }));
  const inputs = (list: readonly RawMessage[]): ArticleInput[] =>
    plains(list).map(({ plain, key }) => validateArticleEvent(plain, key).article);

  return [
    time('decode (checks, UTF-8, JSON.parse)', warm, measured, (m) => {
      parseJsonEnvelope(checkMessage(m, MAX_BYTES).text);
    }),
    time('validate (DTOs)', plains(warm), plains(measured), ({ plain, key }) => {
      validateArticleEvent(plain, key);
    }),
    time('normalise (text, times, HTML)', inputs(warm), inputs(measured), (input) => {
      normalizeArticle(input, 'published');
    }),
    time('all three, as ingest runs them', warm, measured, (m) => {
      const decoded = decodeArticleEvent(m, MAX_BYTES);
      normalizeArticle(decoded.input, decoded.change);
    }),
  ];
}

main();
