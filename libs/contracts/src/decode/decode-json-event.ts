import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidatorOptions } from 'class-validator';
import { ArticleEventDto } from '../dto/article-event.dto';
import { ARTICLE_EVENT_TYPES, SUPPORTED_SCHEMA_VERSIONS } from '../event-types';
import { PermanentError } from './permanent-error';
import { passesDtoChecks, toDtoInstance } from './dto-fast-check';
import { flattenValidationErrors, type FieldProblem } from './validation-paths';

const VALIDATION_OPTIONS: ValidatorOptions = {
  forbidUnknownValues: true,
  validationError: { target: false, value: false },
};

/**
 * Parses and validates a JSON article event. Throws PermanentError with the failing field paths:
 * nothing about a malformed event gets better by retrying it.
 */
export function decodeJsonEvent(text: string, key: string): ArticleEventDto {
  return validateArticleEvent(parseJsonEnvelope(text), key);
}

/** The value as a JSON object, or a PermanentError. */
export function parseJsonEnvelope(text: string): Record<string, unknown> {
  let plain: unknown;
  try {
    plain = JSON.parse(text);
  } catch (error) {
    throw new PermanentError('invalid-json', `value is not JSON: ${(error as Error).message}`);
  }
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    throw new PermanentError('invalid-json', 'value must be a JSON object');
  }
  return plain as Record<string, unknown>;
}

/** A parsed envelope checked against the contract's DTOs, and its article id against the key. */
export function validateArticleEvent(
  envelope: Record<string, unknown>,
  key: string,
): ArticleEventDto {
  checkSchemaVersion(envelope.schemaVersion);
  if (!ARTICLE_EVENT_TYPES.includes(envelope.type as never)) {
    throw new PermanentError(
      'unknown-event-type',
      `unknown event type ${JSON.stringify(envelope.type)}`,
      ['type'],
    );
  }
  let event: ArticleEventDto;
  const problems: FieldProblem[] = [];
  if (passesDtoChecks(envelope, ArticleEventDto)) {
    event = toDtoInstance(envelope, ArticleEventDto);
  } else {
    // The slow path words the errors; it also has the last say on anything the fast check declines.
    event = plainToInstance(ArticleEventDto, envelope);
    problems.push(...flattenValidationErrors(validateSync(event, VALIDATION_OPTIONS)));
  }
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
