import { PermanentError } from '@depeche/contracts';
import type { ConsumedMessage } from '@depeche/kafka';
import { IngestMetrics, MetricsRegistry } from '@depeche/observability';
import { Logger } from '@nestjs/common';
import { countOutcomes } from './count-outcomes';

function message(offset: string, value: string): ConsumedMessage {
  return {
    topic: 'articles.events',
    partition: 0,
    offset,
    key: Buffer.from(`story-${offset}`),
    value: Buffer.from(value, 'utf8'),
    headers: { 'content-type': Buffer.from('application/json') },
    timestamp: String(Date.now()),
    attributes: 0,
  };
}

async function consumed(metrics: MetricsRegistry): Promise<Record<string, number>> {
  const metric = await metrics.registry.getSingleMetric('depeche_events_consumed_total')?.get();
  return Object.fromEntries(
    (metric?.values ?? []).map((v) => [
      `${String(v.labels.type)}/${String(v.labels.outcome)}`,
      v.value,
    ]),
  );
}

describe('ingest event counters', () => {
  const logger = new Logger('spec');
  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  it('label a stored event with the type the pipeline decoded, without reading its bytes again', async () => {
    const registry = new MetricsRegistry('ingest');
    // The value says `article.published`; the pipeline's type wins, so the bytes were not parsed.
    const stored = message('7', JSON.stringify({ type: 'article.published' }));
    countOutcomes(
      new IngestMetrics(registry),
      logger,
      [stored],
      { deadLetters: [], types: new Map([['7', 'article.corrected']]) },
      { maxEventBytes: 1024, now: Date.now() },
    );
    expect(await consumed(registry)).toEqual({ 'article.corrected/stored': 1 });
  });

  it("read a dead letter's type from its bytes, and only a known type becomes a label", async () => {
    const registry = new MetricsRegistry('ingest');
    const known = message('3', JSON.stringify({ type: 'article.withdrawn', article: 1 }));
    const hostile = message('4', JSON.stringify({ type: 'article.<script>' }));
    const broken = message('5', '{"type": "article.updated"');
    const error = new PermanentError('schema-violation', 'article must be an object', ['article']);
    countOutcomes(
      new IngestMetrics(registry),
      logger,
      [known, hostile, broken],
      {
        deadLetters: [known, hostile, broken].map((m) => ({
          key: m.key,
          value: m.value,
          headers: {},
          offset: m.offset,
          error,
        })),
        types: new Map(),
      },
      { maxEventBytes: 1024, now: Date.now() },
    );
    expect(await consumed(registry)).toEqual({
      'article.withdrawn/dead-lettered': 1,
      'unknown/dead-lettered': 2,
    });
  });
});
