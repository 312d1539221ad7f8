import { DLQ_HEADERS, type PermanentError } from '@depeche/contracts';
import type { IHeaders, Message } from 'kafkajs';
import type { ConsumedMessage } from './resilient-consumer';

/** A message that can never be processed, and why. */
export interface DeadLetter {
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: IHeaders;
  readonly offset: string;
  readonly error: PermanentError;
}

/** A consumed message refused for `error`, its key, value and headers as they came. */
export function deadLetterOf(message: ConsumedMessage, error: PermanentError): DeadLetter {
  return {
    key: message.key,
    value: message.value,
    headers: message.headers ?? {},
    offset: message.offset,
    error,
  };
}

/**
 * The dead-letter copy: the original key, value and headers unchanged, plus headers that say what
 * failed, where the message came from, and when.
 */
export function deadLetterMessage(
  letter: DeadLetter,
  source: { topic: string; partition: number },
  now: Date,
): Message {
  return {
    key: letter.key,
    value: letter.value,
    headers: {
      ...letter.headers,
      [DLQ_HEADERS.errorCode]: letter.error.code,
      [DLQ_HEADERS.errorMessage]: letter.error.message.slice(0, 4000),
      [DLQ_HEADERS.errorFields]: letter.error.fields.join(','),
      [DLQ_HEADERS.sourceTopic]: source.topic,
      [DLQ_HEADERS.sourcePartition]: String(source.partition),
      [DLQ_HEADERS.sourceOffset]: letter.offset,
      [DLQ_HEADERS.failedAt]: now.toISOString(),
    },
  };
}
