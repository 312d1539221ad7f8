/**
 * Why a message can never be processed, however often it is retried. It goes to the dead-letter
 * topic with these as headers, and the consumer moves on.
 */
export const PERMANENT_ERROR_CODES = [
  'empty-value',
  'missing-key',
  'too-large',
  'invalid-utf8',
  'invalid-json',
  'unsupported-content-type',
  'unsupported-schema-version',
  'unknown-event-type',
  'schema-violation',
  'key-mismatch',
  'invalid-xml',
  'forbidden-xml-construct',
  'normalisation-failed',
  'version-conflict',
] as const;
export type PermanentErrorCode = (typeof PERMANENT_ERROR_CODES)[number];

export class PermanentError extends Error {
  constructor(
    readonly code: PermanentErrorCode,
    message: string,
    /** Dotted paths of the fields at fault, e.g. `article.headline`. */
    readonly fields: readonly string[] = [],
  ) {
    super(message);
    this.name = 'PermanentError';
  }
}
