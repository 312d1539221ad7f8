import { DLQ_HEADERS, HEADERS } from '@depeche/contracts';
import { headerText as firstHeader } from '@depeche/kafka';
import { REPLAYED_FROM_HEADER } from '@depeche/persistence';
import type { IHeaders, KafkaMessage } from 'kafkajs';
import type { StreamEvent } from './stream-event';

/** Which pipeline stage a topic shows. */
export type TopicRole = 'events' | 'dead-letters' | 'items' | 'ops-events';

/**
 * One stream line from a message, read from its headers and, for items and ops events, its small
 * JSON value. Pure, and it never throws: a message ops cannot read is still shown, as unreadable.
 */
export function streamEventOf(
  role: TopicRole,
  topic: string,
  partition: number,
  message: KafkaMessage,
): StreamEvent {
  const header = (name: string): string | undefined => headerText(message.headers, name);
  const key = message.key?.toString('utf8');
  const base = {
    at: timeOf(message.timestamp),
    source: `${topic}/${partition}/${message.offset}`,
    ...optional('articleId', key),
    ...optional('correlationId', header(HEADERS.correlationId)),
    ...optional('replayedFrom', header(REPLAYED_FROM_HEADER)),
  };
  switch (role) {
    case 'events':
      return { ...base, kind: 'received', ...eventSummary(message) };
    case 'dead-letters':
      return {
        ...base,
        kind: 'dead-lettered',
        detail: `${header(DLQ_HEADERS.errorCode) ?? 'unknown'}: ${header(DLQ_HEADERS.errorMessage) ?? ''}`,
      };
    case 'items': {
      const item = parse<{ version?: number; change?: string }>(message.value);
      return {
        ...base,
        kind: 'normalised',
        ...optional('version', item?.version),
        detail: item?.change ?? 'unreadable item',
      };
    }
    case 'ops-events': {
      const event = parse<{
        outcome?: string;
        partnerId?: string;
        version?: number;
        format?: string;
        detail?: string;
      }>(message.value);
      return {
        ...base,
        kind: event?.outcome === 'delivered' ? 'delivered' : 'failed',
        ...optional('version', event?.version),
        detail: `${event?.partnerId ?? '?'} ${event?.format ?? ''} ${event?.detail ?? ''}`.trim(),
      };
    }
  }
}

function eventSummary(message: KafkaMessage): { detail: string; version?: number } {
  const contentType = headerText(message.headers, HEADERS.contentType) ?? '';
  if (!contentType.includes('json')) return { detail: contentType || 'no content-type' };
  const event = parse<{ type?: unknown; article?: { version?: unknown } }>(message.value);
  const version = event?.article?.version;
  return {
    detail: typeof event?.type === 'string' ? event.type.slice(0, 100) : 'unreadable event',
    ...(typeof version === 'number' ? { version } : {}),
  };
}

function parse<T>(value: Buffer | null): T | undefined {
  try {
    return value ? (JSON.parse(value.toString('utf8')) as T) : undefined;
  } catch {
    return undefined;
  }
}

/** At most 4,000 characters of a header: a stream line stays small whatever a producer sent. */
function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  return firstHeader(headers, name)?.slice(0, 4000);
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/** A timestamp that is not a number would make toISOString throw: shown as the epoch instead. */
function timeOf(timestamp: string): string {
  const at = new Date(Number(timestamp));
  return Number.isNaN(at.getTime()) ? new Date(0).toISOString() : at.toISOString();
}
