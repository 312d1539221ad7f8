import { MAX_ARTICLE_VERSION, PermanentError } from '@depeche/contracts';
import { ARTICLE_ID, ARTICLE_ID_RULE } from '../article-id';

/** A wire id (NewsML-G2 guid, NITF doc-id) bounded like every article id, or a dead letter. */
export function wireId(value: string | undefined, field: string): string {
  if (!value) throw new PermanentError('schema-violation', `${field} is required`, [field]);
  if (!ARTICLE_ID.test(value)) {
    throw new PermanentError(
      'schema-violation',
      `${field} must be ${ARTICLE_ID_RULE} (got ${value.length} characters)`,
      [field],
    );
  }
  return value;
}

/**
 * The item's version, required. Wire copy has no event id, so ingest derives one from id and
 * version: an item without a version would make every later unversioned edit of the story look
 * like a replay of the first and be dropped silently as a duplicate, and it cannot be ordered
 * against the story's other versions. Neither format carries a version anywhere else (NewsML-G2's
 * versionCreated and NITF's date.issue are times, which agencies reuse across corrections), so
 * no default is guessed, even where a schema declares one: the item is refused, visibly.
 */
export function wireVersion(value: string | undefined, field: string): number {
  if (value === undefined) {
    throw new PermanentError(
      'schema-violation',
      `${field} is required: an item without a version cannot be ordered against its other versions`,
      [field],
    );
  }
  const version = /^[0-9]{1,10}$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!(version >= 1 && version <= MAX_ARTICLE_VERSION)) {
    throw new PermanentError(
      'schema-violation',
      `${field} must be a whole number from 1 to ${MAX_ARTICLE_VERSION}, not ${JSON.stringify(value.slice(0, 50))}`,
      [field],
    );
  }
  return version;
}

/** As the JSON contract bounds `provider` (ArticleDto). */
const MAX_PROVIDER_LENGTH = 200;

/**
 * The agency's name, bounded as the JSON contract bounds the provider: every format's guid carries
 * it (articleGuid), and an unbounded one made a guid past PostgreSQL's index entry limit, a write
 * the store refused on every retry, so the item held its partition for ever (SQLite took it).
 */
export function wireProvider(value: string, field: string): string {
  if (value.length > MAX_PROVIDER_LENGTH) {
    throw new PermanentError(
      'schema-violation',
      `${field} must be at most ${MAX_PROVIDER_LENGTH} characters (got ${value.length})`,
      [field],
    );
  }
  return value;
}
