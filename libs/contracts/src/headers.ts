/** Kafka header names of the article event contract (docs/asyncapi.yaml). */
export const HEADERS = {
  contentType: 'content-type',
  schemaVersion: 'schema-version',
  correlationId: 'correlation-id',
} as const;

/** Payload media types accepted on the article events topic. */
export const CONTENT_TYPES = {
  json: 'application/json',
  newsmlG2: 'application/vnd.iptc.g2.newsitem+xml',
  nitf: 'application/vnd.nitf+xml',
} as const;
export type EventContentType = (typeof CONTENT_TYPES)[keyof typeof CONTENT_TYPES];

/** Headers added to a dead-lettered message; the original key, value and headers are kept as they were. */
export const DLQ_HEADERS = {
  errorCode: 'dlq-error-code',
  errorMessage: 'dlq-error-message',
  errorFields: 'dlq-error-fields',
  sourceTopic: 'dlq-source-topic',
  sourcePartition: 'dlq-source-partition',
  sourceOffset: 'dlq-source-offset',
  failedAt: 'dlq-failed-at',
} as const;
