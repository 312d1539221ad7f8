import type { DeliveryEvent } from '@depeche/contracts';
import { storableText } from '@depeche/persistence';

const OUTCOMES: readonly string[] = [
  'delivered',
  'failed',
  'dead',
] satisfies DeliveryEvent['outcome'][];

/**
 * An `ops.events` value as the audit trail records it, or undefined when it is not a delivery
 * event the store can hold. Every column is checked here: one value the store refused (a missing
 * `at`, a NUL in `detail`) was retried for ever, and the ops consumer's partitions stopped there.
 */
export function deliveryEventOf(value: Buffer | null): DeliveryEvent | undefined {
  let plain: unknown;
  try {
    plain = JSON.parse(value?.toString('utf8') ?? '');
  } catch {
    return undefined;
  }
  if (typeof plain !== 'object' || plain === null) return undefined;
  const e = plain as Record<string, unknown>;
  const text = (v: unknown): v is string => typeof v === 'string';
  const whole = (v: unknown): v is number => Number.isSafeInteger(v);
  if (
    !OUTCOMES.includes(e.outcome as string) ||
    !text(e.partnerId) ||
    !text(e.articleId) ||
    !whole(e.version) ||
    !text(e.format) ||
    !whole(e.attempt) ||
    !text(e.detail) ||
    !text(e.at) ||
    (e.statusCode !== undefined && !whole(e.statusCode)) ||
    (e.correlationId !== undefined && !text(e.correlationId))
  ) {
    return undefined;
  }
  return {
    outcome: e.outcome as DeliveryEvent['outcome'],
    partnerId: storableText(e.partnerId),
    articleId: storableText(e.articleId),
    version: e.version,
    format: storableText(e.format),
    attempt: e.attempt,
    ...(e.statusCode !== undefined ? { statusCode: e.statusCode } : {}),
    detail: storableText(e.detail),
    ...(e.correlationId !== undefined ? { correlationId: storableText(e.correlationId) } : {}),
    at: storableText(e.at),
  };
}
