import { DLQ_HEADERS } from '@depeche/contracts';
import type { IHeaders, Message } from 'kafkajs';
import type { DeadLetterFilter, IndexedDeadLetter } from './ops-dead-letters';
import { storableText } from './storable-text';

/** Added to a replayed message: `<dlq topic>/<partition>/<offset>` of the dead letter it came from. */
export const REPLAYED_FROM_HEADER = 'replayed-from';

const DLQ_HEADER_NAMES = new Set<string>(Object.values(DLQ_HEADERS));

/** A message read from the dead-letter topic, as the ops index keeps it (bytes as base64). */
export function deadLetterFromKafka(
  topic: string,
  partition: number,
  message: { key: Buffer | null; value: Buffer | null; headers?: IHeaders; offset: string },
): IndexedDeadLetter {
  const headers: Record<string, IndexedHeader> = {};
  for (const [name, raw] of Object.entries(message.headers ?? {})) {
    // A header sent more than once comes as an array: each value is kept, for the replay.
    if (Array.isArray(raw)) headers[name] = raw.map((one) => indexedValue(one));
    else if (raw !== undefined) headers[name] = indexedValue(raw);
  }
  // Indexed as TEXT: a NUL (a JSON error quoting the raw value) would be refused for ever.
  const text = (name: string): string => {
    const header = headers[name];
    const value = Array.isArray(header) ? header[0] : header;
    return value === undefined || value === null
      ? ''
      : storableText(Buffer.from(value, 'base64').toString('utf8'));
  };
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key ? message.key.toString('base64') : null,
    value: message.value ? message.value.toString('base64') : null,
    headers,
    errorCode: text(DLQ_HEADERS.errorCode) || 'unknown',
    errorMessage: text(DLQ_HEADERS.errorMessage),
    sourceTopic: text(DLQ_HEADERS.sourceTopic),
    // A letter without the header (written by hand) sorts first rather than breaking the index.
    failedAt: text(DLQ_HEADERS.failedAt) || new Date(0).toISOString(),
  };
}

/**
 * The message a replay sends to the events topic: the original key, value and headers byte for
 * byte, without the dlq-* headers (ingest adds fresh ones if it fails again), plus where it came from.
 */
export function replayMessage(letter: IndexedDeadLetter): Message {
  const headers: IHeaders = {};
  for (const [name, value] of Object.entries(letter.headers)) {
    if (!DLQ_HEADER_NAMES.has(name) && name !== REPLAYED_FROM_HEADER) {
      headers[name] = Array.isArray(value)
        ? value.map((one) => replayedValue(one))
        : replayedValue(value);
    }
  }
  headers[REPLAYED_FROM_HEADER] = `${letter.topic}/${letter.partition}/${letter.offset}`;
  return {
    key: letter.key === null ? null : Buffer.from(letter.key, 'base64'),
    value: letter.value === null ? null : Buffer.from(letter.value, 'base64'),
    headers,
  };
}

/** The same selection as OpsDeadLetterStore.find, for letters read straight from the topic. */
export function matchesDeadLetterFilter(
  letter: IndexedDeadLetter,
  filter: DeadLetterFilter,
): boolean {
  if (filter.errorCode && letter.errorCode !== filter.errorCode) return false;
  if (filter.failedFrom && letter.failedAt < filter.failedFrom) return false;
  if (filter.failedBefore && letter.failedAt >= filter.failedBefore) return false;
  return !(filter.notReplayedOnly && letter.replayedAt);
}

/** One header value as the index keeps it: base64, or null for a header sent without a value. */
type IndexedValue = string | null;
/** A header as the index keeps it: its value, or each of its values when it was sent more than once. */
export type IndexedHeader = IndexedValue | IndexedValue[];

function indexedValue(raw: unknown): IndexedValue {
  // kafkajs gives a header sent without a value as null, whatever its types say.
  if (raw === null || raw === undefined) return null;
  return Buffer.from(raw as Buffer | string).toString('base64');
}

/** kafkajs writes null as a header without a value, the way it came (IHeaders omits null). */
function replayedValue(value: IndexedValue): Buffer {
  return value === null ? (null as unknown as Buffer) : Buffer.from(value, 'base64');
}
