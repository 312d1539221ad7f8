import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ArticleEventDto } from '../dto/article-event.dto';
import { ARTICLE_EVENT_TYPES, SUPPORTED_SCHEMA_VERSIONS } from '../event-types';
import { PermanentError } from './permanent-error';
import { flattenValidationErrors } from './validation-paths';

/**
 * Parses and validates a JSON article event. Throws PermanentError with the failing field paths:
 * nothing about a malformed event gets better by retrying it.
 */
export function decodeJsonEvent(text: string, key: string): ArticleEventDto {
  let plain: unknown;
  try {
    plain = JSON.parse(text);
  } catch (error) {
    throw new PermanentError('invalid-json', `value is not JSON: ${(error as Error).message}`);
  }
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    throw new PermanentError('invalid-json', 'value must be a JSON object');
  }
  const envelope = plain as Record<string, unknown>;
  checkSchemaVersion(envelope.schemaVersion);
  if (!ARTICLE_EVENT_TYPES.includes(envelope.type as never)) {
    throw new PermanentError(
      'unknown-event-type',
      `unknown event type ${JSON.stringify(envelope.type)}`,
      ['type'],
    );
  }
  const event = plainToInstance(ArticleEventDto, envelope);
  const problems = flattenValidationErrors(
    validateSync(event, {
      forbidUnknownValues: true,
      validationError: { target: false, value: false },
    }),
  );
  if (event.type === 'article.corrected' && !event.article?.correctionNote) {
    problems.push({
      path: 'article.correctionNote',
      reasons: ['correctionNote is required on article.corrected'],
    });
  }
  if (problems.length > 0) {
    throw new PermanentError(
      'schema-violation',
      problems.map((p) => `${p.path}: ${p.reasons.join('; ')}`).join(' | '),
      problems.map((p) => p.path),
    );
  }
  if (event.article.id !== key) {
    throw new PermanentError(
      'key-mismatch',
      `key ${JSON.stringify(key)} is not article.id ${JSON.stringify(event.article.id)}`,
      ['article.id'],
    );
  }
  return event;
}

function checkSchemaVersion(version: unknown): void {
  if (typeof version === 'number' && !SUPPORTED_SCHEMA_VERSIONS.includes(version as never)) {
    throw new PermanentError(
      'unsupported-schema-version',
      `schemaVersion ${version} is not supported by this build (supported: ${SUPPORTED_SCHEMA_VERSIONS.join(', ')})`,
      ['schemaVersion'],
    );
  }
}
