import { MAX_ARTICLE_VERSION } from '@depeche/contracts';
import type { Article, ArticleChange } from '../article';
import { ARTICLE_ID, ARTICLE_ID_RULE } from '../article-id';
import type { ArticleInput } from '../article-input';
import { bodyToPlainText, sanitizeBody } from '../body';
import { articleGuid } from '../guid';
import { NormalisationError } from '../normalisation-error';
import { normalizeLine } from '../text';
import { countWords } from '../word-count';
import { httpUrl } from './http-url';
import { imagesOf } from './images';
import { languageTag } from './language-tag';
import { authorsOf, locationOf, subjectsOf } from './people-and-places';
import { rightsOf } from './rights';
import { optionalLine, requiredLine, uniqueLines } from './text-fields';
import { utcTime } from './utc-time';

/**
 * How deep parse5's stack of open elements may grow in a body: real articles stay below 20. Past
 * it the body is refused, because each start tag makes parse5 scan that stack: 100 KB of unclosed
 * <div> (20,000 levels) takes seconds, and the same bytes would take them on every retry.
 */
const MAX_BODY_NESTING = 256;

/** Likewise for attributes of one tag: parse5 checks each against the tag's earlier ones. */
const MAX_TAG_ATTRIBUTES = 256;

/** IPTC's default urgency, "normal", for stories that do not say. */
const DEFAULT_URGENCY = 5;

/**
 * One change of a story, in the CMS's terms, as the canonical article every renderer reads.
 * Pure: the same input gives the same article, so a failure is permanent.
 *
 * @throws NormalisationError naming the field that cannot be normalised.
 */
export function normalizeArticle(input: ArticleInput, change: ArticleChange): Article {
  const id = articleId(input.id);
  const canonicalUrl = httpUrl(input.canonicalUrl, undefined, 'canonicalUrl');
  const provider = requiredLine(input.provider, 'provider');
  const body = sanitizeBody(input.body, canonicalUrl, {
    maxOpenElements: MAX_BODY_NESTING,
    maxAttributes: MAX_TAG_ATTRIBUTES,
  });
  const bodyText = bodyToPlainText(body);
  const updatedAt = utcTime(input.updatedAt, 'updatedAt');
  return {
    id,
    guid: articleGuid(provider, id),
    version: version(input.version),
    change,
    language: languageTag(input.language, 'language'),
    headline: requiredLine(input.headline, 'headline'),
    standfirst: normalizeLine(input.standfirst),
    body,
    bodyText,
    wordCount: countWords(bodyText),
    sections: uniqueLines(input.sections),
    keywords: uniqueLines(input.keywords),
    subjects: subjectsOf(input.subjects ?? []),
    authors: authorsOf(input.authors),
    ...optionalLine('dateline', input.dateline),
    ...locationOf(input.location),
    provider,
    ...optionalLine('sourceAgency', input.sourceAgency),
    ...optionalLine('creditLine', input.creditLine),
    canonicalUrl,
    images: imagesOf(input.images, new URL(canonicalUrl)),
    rights: rightsOf(input.rights),
    ...optionalTime('embargoUntil', input.embargoUntil),
    firstPublishedAt: utcTime(input.firstPublishedAt, 'firstPublishedAt'),
    updatedAt,
    ...optionalLine('correctionNote', input.correctionNote),
    urgency: urgency(input.urgency),
    ...optionalLine('genre', input.genre),
    ...(change === 'withdrawn'
      ? { withdrawnAt: utcTime(input.withdrawnAt ?? input.updatedAt, 'withdrawnAt') }
      : {}),
  };
}

/** Also checked here, not only by the contract: wire items and any other caller come through. */
function version(value: number): number {
  if (!Number.isSafeInteger(value) || value < 1 || value > MAX_ARTICLE_VERSION) {
    throw new NormalisationError(
      'version',
      `${value} is not a whole number from 1 to ${MAX_ARTICLE_VERSION}`,
    );
  }
  return value;
}

/** Refused, not cleaned: a changed id would no longer be the Kafka key nor the CMS's id. */
function articleId(value: string): string {
  const id = value.trim();
  if (!ARTICLE_ID.test(id)) {
    throw new NormalisationError('id', `must be ${ARTICLE_ID_RULE} (got ${id.length} characters)`);
  }
  return id;
}

/** Not clamped: an urgency outside IPTC's 1–9 is a broken producer, not a value to guess. */
function urgency(value: number | undefined): number {
  if (value === undefined) return DEFAULT_URGENCY;
  if (!Number.isInteger(value) || value < 1 || value > 9) {
    throw new NormalisationError('urgency', `${value} is not an IPTC urgency (1–9)`);
  }
  return value;
}

function optionalTime<K extends string>(
  key: K,
  value: string | undefined,
): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: utcTime(value, key) } as Record<K, string>);
}
