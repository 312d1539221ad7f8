import type { Article, ContentLevel, Location } from '@depeche/article';
import { firstPublished, versionTime } from '../article-times';
import { byline } from '../byline';
import { reaches } from '../content-reach';
import { isQcode } from '../qcode';
import { slugOf } from '../slug';
import { singleLine } from '../text/xml-safe-text';
import { rfc3339 } from '../time/rfc3339';
import { urgencyOf } from '../urgency';
import { element, textElement, type XmlNode } from '../xml/xml-node';
import { decimal } from './decimal';

/**
 * NewsML-G2 `contentMeta` (ContentMetadataAfDType): the AdministrativeMetadataGroup in schema order
 * (urgency, contentCreated, contentModified, then located / infoSource / creator), then the
 * DescriptiveMetadataGroup (any order; we follow the issue's: language, genre, subjects, slugline,
 * headline, dateline, by, description).
 */
export function contentMetaElement(article: Article, level: ContentLevel): XmlNode {
  const slug = slugOf(article);
  const by = byline(article);
  const urgency = urgencyOf(article);
  return element('contentMeta', {}, [
    urgency !== undefined && textElement('urgency', String(urgency)),
    textElement('contentCreated', rfc3339(firstPublished(article))),
    textElement('contentModified', rfc3339(versionTime(article))),
    article.location && locatedElement(article.location),
    article.sourceAgency !== undefined &&
      element('infoSource', {}, [textElement('name', singleLine(article.sourceAgency))]),
    article.authors.map((author) =>
      element('creator', {}, [textElement('name', singleLine(author.name))]),
    ),
    element('language', { tag: article.language }),
    article.genre !== undefined && genreElement(article.genre),
    article.subjects.map((subject) =>
      element('subject', { type: 'cpnat:abstract', qcode: subject.code }, [
        subject.name !== undefined && textElement('name', singleLine(subject.name)),
      ]),
    ),
    article.keywords.map((keyword) => textElement('keyword', singleLine(keyword))),
    slug !== undefined && textElement('slugline', singleLine(slug)),
    textElement('headline', article.headline),
    article.dateline !== undefined && textElement('dateline', article.dateline),
    by !== undefined && textElement('by', by),
    article.creditLine !== undefined && textElement('creditline', singleLine(article.creditLine)),
    reaches(level, 'summary') &&
      textElement('description', article.standfirst, { role: 'drol:summary' }),
  ]);
}

/** FlexLocationPropType: name, then broader (the country), then geoAreaDetails/position. */
function locatedElement(location: Location): XmlNode {
  const latitude = decimal(location.latitude);
  const longitude = decimal(location.longitude);
  return element('located', {}, [
    textElement('name', singleLine(location.name)),
    location.countryCode !== undefined &&
      element('broader', { type: 'cptype:country', qcode: `iso3166-1a2:${location.countryCode}` }),
    latitude !== undefined &&
      longitude !== undefined &&
      element('geoAreaDetails', {}, [element('position', { latitude, longitude })]),
  ]);
}

/** IPTC Genre NewsCodes are the genre names themselves (`genre:Current`); a name with spaces cannot be one. */
function genreElement(genre: string): XmlNode {
  const qcode = `genre:${genre}`;
  return element('genre', { qcode: isQcode(qcode) ? qcode : undefined }, [
    textElement('name', singleLine(genre)),
  ]);
}
