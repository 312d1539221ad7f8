import type { Article, ArticleChange } from '../article';
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

/** IPTC's default urgency, "normal", for stories that do not say. */
const DEFAULT_URGENCY = 5;

/**
 * One change of a story, in the CMS's terms, as the canonical article every renderer reads.
 * Pure: the same input gives the same article, so a failure is permanent.
 *
 * @throws NormalisationError naming the field that cannot be normalised.
 */
export function normalizeArticle(input: ArticleInput, change: ArticleChange): Article {
  const id = input.id.trim();
  if (!id) throw new NormalisationError('id', 'empty');
  const canonicalUrl = httpUrl(input.canonicalUrl, undefined, 'canonicalUrl');
  const provider = requiredLine(input.provider, 'provider');
  const body = sanitizeBody(input.body, canonicalUrl);
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

function version(value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new NormalisationError('version', `${value} is not a whole number from 1`);
  }
  return value;
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
