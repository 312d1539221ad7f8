import { DLQ_HEADERS } from '@depeche/contracts';
import {
  deadLetterFromKafka,
  matchesDeadLetterFilter,
  REPLAYED_FROM_HEADER,
  replayMessage,
} from './ops-replay';

describe('replaying a dead letter', () => {
  // Not UTF-8: a replay must send these exact bytes back.
  const value = Buffer.from([0xff, 0xfe, 0x7b, 0x00]);
  const letter = deadLetterFromKafka('articles.events.dlq', 0, {
    key: Buffer.from('story-1'),
    value,
    offset: '42',
    headers: {
      'content-type': 'application/json',
      'correlation-id': Buffer.from('corr-9'),
      [DLQ_HEADERS.errorCode]: 'invalid-utf8',
      [DLQ_HEADERS.errorMessage]: 'not UTF-8',
      [DLQ_HEADERS.sourceTopic]: 'articles.events',
      [DLQ_HEADERS.failedAt]: '2026-01-02T03:04:05.000Z',
      [REPLAYED_FROM_HEADER]: 'articles.events.dlq/0/7',
    },
  });

  it('reads why it failed from the dlq headers', () => {
    expect(letter).toMatchObject({
      errorCode: 'invalid-utf8',
      errorMessage: 'not UTF-8',
      sourceTopic: 'articles.events',
      failedAt: '2026-01-02T03:04:05.000Z',
      offset: '42',
    });
  });

  it('sends the original key, value and headers, without dlq-* and with where it came from', () => {
    const message = replayMessage(letter);
    expect(message.key).toEqual(Buffer.from('story-1'));
    expect(message.value).toEqual(value);
    expect(
      Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])),
    ).toEqual({
      'content-type': 'application/json',
      'correlation-id': 'corr-9',
      // The earlier replay's header is replaced, not kept beside the new one.
      [REPLAYED_FROM_HEADER]: 'articles.events.dlq/0/42',
    });
  });

  it('is selected by error code and a half-open time range', () => {
    expect(matchesDeadLetterFilter(letter, { errorCode: 'invalid-utf8' })).toBe(true);
    expect(matchesDeadLetterFilter(letter, { errorCode: 'invalid-json' })).toBe(false);
    expect(matchesDeadLetterFilter(letter, { failedFrom: '2026-01-02T03:04:05.000Z' })).toBe(true);
    expect(matchesDeadLetterFilter(letter, { failedBefore: '2026-01-02T03:04:05.000Z' })).toBe(
      false,
    );
  });
});

describe('replaying a dead letter with a header sent without a value', () => {
  it('indexes it without failing and replays it without a value', () => {
    const letter = deadLetterFromKafka('articles.events.dlq', 0, {
      key: Buffer.from('story-2'),
      value: Buffer.from('{}'),
      offset: '43',
      // As kafkajs decodes it: null, which its IHeaders type does not admit.
      headers: { 'correlation-id': null, [DLQ_HEADERS.errorCode]: 'invalid-json' } as never,
    });
    expect(letter.headers['correlation-id']).toBeNull();
    expect(letter.errorCode).toBe('invalid-json');
    expect(replayMessage(letter).headers?.['correlation-id']).toBeNull();
  });
});

describe('replaying a dead letter with a header sent more than once', () => {
  it('sends every value of it, in order', () => {
    const letter = deadLetterFromKafka('articles.events.dlq', 0, {
      key: Buffer.from('story-3'),
      value: Buffer.from('{}'),
      offset: '44',
      headers: {
        'x-trace': [Buffer.from('first'), Buffer.from('second')],
        [DLQ_HEADERS.errorCode]: 'invalid-json',
      },
    });
    expect(letter.errorCode).toBe('invalid-json');
    const sent = replayMessage(letter).headers?.['x-trace'];
    expect(Array.isArray(sent) ? sent.map(String) : sent).toEqual(['first', 'second']);
  });
});
