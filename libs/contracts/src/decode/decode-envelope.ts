import { CONTENT_TYPES, HEADERS, type EventContentType } from '../headers';
import { SUPPORTED_SCHEMA_VERSIONS } from '../event-types';
import { correlationIdOf } from './correlation-id';
import { PermanentError } from './permanent-error';
import { headerText, type RawMessage } from './raw-message';

/** What every message must pass before its payload is looked at, whatever its content type. */
export interface CheckedMessage {
  readonly key: string;
  readonly text: string;
  readonly contentType: EventContentType;
  readonly correlationId?: string;
}

const KNOWN_TYPES = Object.values(CONTENT_TYPES) as string[];
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Checks the message itself: a key, a value within the size limit, valid UTF-8, a known content
 * type and schema version in the headers. Throws PermanentError for anything that fails.
 */
export function checkMessage(message: RawMessage, maxBytes: number): CheckedMessage {
  if (!message.value || message.value.length === 0) {
    throw new PermanentError(
      'empty-value',
      'the message has no value (a tombstone or an empty event)',
    );
  }
  if (message.value.length > maxBytes) {
    throw new PermanentError(
      'too-large',
      `value is ${message.value.length} bytes; the limit is ${maxBytes}`,
    );
  }
  if (!message.key || message.key.length === 0) {
    throw new PermanentError('missing-key', 'the message has no key; it must be the article id');
  }
  let text: string;
  let key: string;
  try {
    text = UTF8.decode(message.value);
    key = UTF8.decode(message.key);
  } catch {
    throw new PermanentError('invalid-utf8', 'key or value is not valid UTF-8');
  }
  const contentType = mediaType(headerText(message, HEADERS.contentType)) ?? CONTENT_TYPES.json;
  if (!KNOWN_TYPES.includes(contentType)) {
    throw new PermanentError(
      'unsupported-content-type',
      `content-type ${quoted(contentType)} is not accepted (accepted: ${KNOWN_TYPES.join(', ')})`,
      [`headers.${HEADERS.contentType}`],
    );
  }
  const version = headerText(message, HEADERS.schemaVersion);
  if (version !== undefined && !SUPPORTED_SCHEMA_VERSIONS.includes(Number(version) as never)) {
    throw new PermanentError(
      'unsupported-schema-version',
      `schema-version ${quoted(version)} is not supported by this build`,
      [`headers.${HEADERS.schemaVersion}`],
    );
  }
  const correlationId = correlationIdOf(headerText(message, HEADERS.correlationId));
  return {
    key,
    text,
    contentType: contentType as EventContentType,
    ...(correlationId ? { correlationId } : {}),
  };
}

/** `application/json; charset=utf-8` → `application/json`. */
function mediaType(header: string | undefined): string | undefined {
  return header?.split(';')[0]?.trim().toLowerCase() || undefined;
}

/** A header echoed in an error message (and so in a log line): escaped, and cut short. */
function quoted(header: string): string {
  return JSON.stringify(header.length > 100 ? `${header.slice(0, 100)}…` : header);
}
