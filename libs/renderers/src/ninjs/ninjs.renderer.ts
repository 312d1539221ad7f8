import type { Article, ContentLevel, Image, Location } from '@depeche/article';
import { firstPublished, versionTime } from '../article-times';
import { byline } from '../byline';
import { effectiveLevel, reaches } from '../content-reach';
import { embargoMark } from '../embargo';
import { bodyHtml } from '../markup/html-body';
import { publicationStatus } from '../publication-status';
import { expandQcode } from '../qcode';
import { toRendition, type Rendition } from '../rendition';
import { slugOf } from '../slug';
import { cleanArticle } from '../text/clean-article';
import { instant } from '../time/instant';
import { rfc3339 } from '../time/rfc3339';
import { urgencyOf } from '../urgency';
import type { NinjsAssociation, NinjsConcept, NinjsItem, NinjsPlace } from './ninjs.types';

export const NINJS_SCHEMA = 'https://www.iptc.org/std/ninjs/ninjs-schema_3.1.json';
/** ninjs registers no media type of its own; it is JSON (RFC 8259, UTF-8 without a charset parameter). */
export const NINJS_MEDIA_TYPE = 'application/json';

export interface NinjsInput {
  readonly article: Article;
  readonly level: ContentLevel;
  /** Decides the embargo (pubStatus withheld + embargoedUntil until it lifts). */
  readonly now: Date;
}

/** One story as a ninjs 3.1 item. A withdrawal keeps the item, `canceled` and without text. */
export function renderNinjs({ article, level, now }: NinjsInput): Rendition {
  const clean = cleanArticle(article);
  return toRendition(
    JSON.stringify(ninjsItem(clean, level, now), null, 2),
    NINJS_MEDIA_TYPE,
    versionTime(clean),
  );
}

function ninjsItem(article: Article, level: ContentLevel, now: Date): NinjsItem {
  const shown = effectiveLevel(article, level);
  const full = reaches(shown, 'full');
  const { copyrightHolder, copyrightNotice, usageTerms, expiresAt } = article.rights;
  return {
    uri: article.guid,
    standard: { name: 'ninjs', version: '3.1', schema: NINJS_SCHEMA },
    type: 'text',
    representationType: full ? 'full' : 'partial',
    version: String(article.version),
    firstCreated: rfc3339(firstPublished(article)),
    versionCreated: rfc3339(versionTime(article)),
    contentCreated: rfc3339(firstPublished(article)),
    embargoedUntil: embargoMark(article, now),
    pubStatus: publicationStatus(article, now),
    urgency: urgencyOf(article),
    copyrightHolder,
    copyrightNotice,
    usageTerms,
    edNote: article.correctionNote,
    language: article.language,
    headlines: [{ role: 'main', contentType: 'text/plain', value: article.headline }],
    descriptions: reaches(shown, 'summary')
      ? [{ role: 'summary', contentType: 'text/plain', value: article.standfirst }]
      : undefined,
    bodies: full
      ? [
          {
            role: 'main',
            contentType: 'text/html',
            value: bodyHtml(article),
            wordCount: article.wordCount,
          },
          {
            role: 'main',
            contentType: 'text/plain',
            value: article.bodyText,
            charCount: [...article.bodyText].length,
            wordCount: article.wordCount,
          },
        ]
      : undefined,
    subjects: nonEmpty(article.subjects.map((subject) => conceptOf(subject.code, subject.name))),
    genres:
      article.genre !== undefined
        ? [conceptOf(`genre:${article.genre}`, article.genre)]
        : undefined,
    places: article.location ? [placeOf(article.location)] : undefined,
    infoSources: article.sourceAgency !== undefined ? [{ name: article.sourceAgency }] : undefined,
    by: byline(article),
    slugline: slugOf(article),
    located: article.location?.name,
    associations: full ? nonEmpty(article.images.map(pictureOf)) : undefined,
    altIds: [{ role: 'cms', value: article.id }],
    expires: expiresAt !== undefined ? rfc3339(instant(expiresAt, 'rights.expiresAt')) : undefined,
  };
}

/** A QCode of a known IPTC scheme becomes its concept URI; any other stays a literal. */
function conceptOf(qcode: string, name: string | undefined): NinjsConcept {
  const expanded = expandQcode(qcode);
  return expanded
    ? { name, uri: expanded.scheme + encodeURIComponent(expanded.code) }
    : { name, literal: qcode };
}

function placeOf({ name, latitude, longitude }: Location): NinjsPlace {
  const point =
    latitude !== undefined &&
    longitude !== undefined &&
    Number.isFinite(latitude) &&
    Number.isFinite(longitude);
  return {
    name,
    // GeoJSON (RFC 7946 §3.1.1): longitude first.
    geoJSON: point ? { type: 'Point', coordinates: [longitude, latitude] } : undefined,
  };
}

/** Lead images as associated picture objects (ninjs 3.1 `associations`), one rendition each. */
function pictureOf(image: Image, index: number): NinjsAssociation {
  return {
    name: `image${index + 1}`,
    rel: 'image',
    uri: image.url,
    type: 'picture',
    headlines: image.caption
      ? [{ role: 'caption', contentType: 'text/plain', value: image.caption }]
      : undefined,
    copyrightHolder: image.credit,
    renditions: [
      {
        name: 'original',
        href: image.url,
        contentType: image.mediaType,
        width: image.width,
        height: image.height,
      },
    ],
  };
}

function nonEmpty<T>(values: readonly T[]): readonly T[] | undefined {
  return values.length > 0 ? values : undefined;
}
