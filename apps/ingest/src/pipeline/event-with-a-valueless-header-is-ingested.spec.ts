import { HEADERS } from '@depeche/contracts';
import type { ConsumedMessage } from '@depeche/kafka';
import { IngestMetrics, MetricsRegistry } from '@depeche/observability';
import { JSON_EVENT_HEADERS, SAMPLE_EVENT_FILE } from '@depeche/testing';
import { Logger } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { countOutcomes } from '../metrics/count-outcomes';
import { decodeArticleEvent } from './decode-article-event';

const MIB = 1024 * 1024;

/**
 * Issue 3: one bad message never blocks its partition. A header sent without a value (null, as
 * kafkajs decodes it) made the decoder call null.toString(), and the outcome counter, which runs
 * after the batch is stored, threw the same way: the consumer took that for a transient fault and
 * retried the stored batch for ever, offsets never committed.
 */
describe('an event with a header sent without a value', () => {
  const headers = {
    ...JSON_EVENT_HEADERS,
    [HEADERS.correlationId]: null,
    'x-cms-note': null,
  };
  const value = readFileSync(SAMPLE_EVENT_FILE);

  it('decodes as if the header were absent', () => {
    const decoded = decodeArticleEvent(
      { key: Buffer.from('wrm-20250704-loukachenko-etats-unis'), value, headers },
      MIB,
    );
    expect(decoded.type).toBe('article.published');
    expect(decoded.correlationId).toBeUndefined();
  });

  it('is counted as stored without throwing', async () => {
    Logger.overrideLogger(false);
    const registry = new MetricsRegistry('ingest');
    const message = {
      topic: 'articles.events',
      partition: 0,
      offset: '9',
      key: Buffer.from('wrm-20250704-loukachenko-etats-unis'),
      value,
      headers: { ...headers, [HEADERS.contentType]: null },
      timestamp: String(Date.now()),
      attributes: 0,
    } as unknown as ConsumedMessage;
    countOutcomes(
      new IngestMetrics(registry),
      new Logger('spec'),
      [message],
      { deadLetters: [], types: new Map() },
      { maxEventBytes: MIB, now: Date.now() },
    );
    const metric = await registry.registry.getSingleMetric('depeche_events_consumed_total')?.get();
    expect(metric?.values.map((v) => [v.labels.type, v.labels.outcome, v.value])).toEqual([
      ['article.published', 'stored', 1],
    ]);
  });
});
