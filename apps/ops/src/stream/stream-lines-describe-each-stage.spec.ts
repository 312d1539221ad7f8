import type { KafkaMessage } from 'kafkajs';
import { streamEventOf } from './stream-event-of';

function message(value: string | null, headers: Record<string, string>): KafkaMessage {
  return {
    key: Buffer.from('story-1'),
    value: value === null ? null : Buffer.from(value),
    headers,
    offset: '5',
    timestamp: String(Date.parse('2026-03-01T12:00:00Z')),
    attributes: 0,
  };
}

describe('a live-stream line', () => {
  it('says an event was received, with its type, version and correlation id', () => {
    const event = JSON.stringify({ type: 'article.updated', article: { version: 3 } });
    expect(
      streamEventOf(
        'events',
        'articles.events',
        2,
        message(event, { 'content-type': 'application/json', 'correlation-id': 'c-1' }),
      ),
    ).toEqual({
      kind: 'received',
      at: '2026-03-01T12:00:00.000Z',
      source: 'articles.events/2/5',
      articleId: 'story-1',
      correlationId: 'c-1',
      version: 3,
      detail: 'article.updated',
    });
  });

  it('says why a message was dead-lettered and whether it was a replay', () => {
    const line = streamEventOf(
      'dead-letters',
      'dlq',
      0,
      message('{', {
        'dlq-error-code': 'invalid-json',
        'dlq-error-message': 'Unexpected end',
        'replayed-from': 'dlq/0/1',
      }),
    );
    expect(line).toMatchObject({
      kind: 'dead-lettered',
      detail: 'invalid-json: Unexpected end',
      replayedFrom: 'dlq/0/1',
    });
  });

  it('shows stored items as normalised and distributor reports as delivered or failed', () => {
    expect(
      streamEventOf('items', 'i', 0, message('{"version":2,"change":"corrected"}', {})),
    ).toMatchObject({ kind: 'normalised', version: 2, detail: 'corrected' });
    const report = (outcome: string): string =>
      JSON.stringify({ outcome, partnerId: 'le-soir', format: 'ninjs', detail: '200' });
    expect(streamEventOf('ops-events', 'o', 0, message(report('delivered'), {}))).toMatchObject({
      kind: 'delivered',
      detail: 'le-soir ninjs 200',
    });
    expect(streamEventOf('ops-events', 'o', 0, message(report('dead'), {})).kind).toBe('failed');
  });

  it('shows what it cannot read instead of failing', () => {
    expect(
      streamEventOf('events', 'e', 0, message('not json', { 'content-type': 'application/json' })),
    ).toMatchObject({ kind: 'received', detail: 'unreadable event' });
    expect(streamEventOf('items', 'i', 0, message(null, {}))).toMatchObject({
      detail: 'unreadable item',
    });
  });
});
