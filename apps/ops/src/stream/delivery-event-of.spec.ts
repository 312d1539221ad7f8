import type { DeliveryEvent } from '@depeche/contracts';
import { deliveryEventOf } from './delivery-event-of';

const EVENT: DeliveryEvent = {
  outcome: 'failed',
  partnerId: 'le-soir',
  articleId: 'story-1',
  version: 2,
  format: 'ninjs',
  attempt: 3,
  statusCode: 503,
  detail: 'HTTP 503',
  correlationId: 'corr-1',
  at: '2025-07-04T15:00:00.000Z',
};
const bytes = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');

/**
 * Issue 7: the audit trail records what the distributor reports on ops.events. A report the
 * store refused (a column missing, a NUL PostgreSQL cannot hold) failed the message, which kafkajs
 * retried for ever: the ops consumer stopped there, the dashboard's stream and index with it.
 */
describe('a delivery report read from ops.events', () => {
  it('is taken whole when it is one', () => {
    expect(deliveryEventOf(bytes(EVENT))).toEqual(EVENT);
    const { statusCode: _s, correlationId: _c, ...bare } = EVENT;
    expect(deliveryEventOf(bytes(bare))).toEqual(bare);
  });

  it.each([
    ['no time', { ...EVENT, at: undefined }],
    ['no format', { ...EVENT, format: undefined }],
    ['no detail', { ...EVENT, detail: undefined }],
    ['an unknown outcome', { ...EVENT, outcome: 'maybe' }],
    ['a version that is not a whole number', { ...EVENT, version: '2' }],
    ['a status that is not a number', { ...EVENT, statusCode: 'bad' }],
    ['an array', [EVENT]],
  ])('is set aside when it has %s', (_what, value) => {
    expect(deliveryEventOf(bytes(value))).toBeUndefined();
  });

  it('is set aside when it is not JSON, or empty', () => {
    expect(deliveryEventOf(Buffer.from('{nope'))).toBeUndefined();
    expect(deliveryEventOf(null)).toBeUndefined();
  });

  it('keeps its text storable: a NUL becomes U+FFFD', () => {
    expect(deliveryEventOf(bytes({ ...EVENT, detail: 'a\u0000b' }))?.detail).toBe('a\uFFFDb');
  });
});
