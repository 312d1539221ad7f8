import { PermanentError } from '@depeche/contracts';
import type { ArticleInput } from '../article-input';
import { wireId, wireProvider, wireVersion } from './wire-fields';
import { changeOf, optional, type WireStory } from './wire-story';
import {
  attr,
  childrenOf,
  find,
  findAll,
  innerMarkup,
  parseWireXml,
  path,
  textAttr,
  textOf,
  type XmlNode,
} from './wire-xml';

/**
 * An IPTC NewsML-G2 newsItem (text) from an agency, mapped to the CMS's terms. The mapping follows
 * the NewsML-G2 guidelines: itemMeta for status and times, contentMeta for descriptive metadata,
 * rightsInfo for rights, contentSet/inlineXML for the XHTML body.
 */
export function parseNewsmlG2(text: string): WireStory {
  const root = find(parseWireXml(text), 'newsItem');
  if (!root)
    throw new PermanentError('invalid-xml', 'the root element is not a NewsML-G2 newsItem', [
      'newsItem',
    ]);
  const item = childrenOf(root);
  const meta = childrenOf(find(item, 'itemMeta'));
  const content = childrenOf(find(item, 'contentMeta'));
  const rights = childrenOf(find(item, 'rightsInfo'));
  const id = wireId(attr(root, 'guid'), 'newsItem@guid');
  const version = wireVersion(attr(root, 'version'), 'newsItem@version');
  const canceled = attr(find(meta, 'pubStatus'), 'qcode') === 'stat:canceled';
  const correction = findAll(meta, 'signal').some((s) => attr(s, 'qcode') === 'sig:correction');
  const body =
    path(item, 'contentSet', 'inlineXML', 'html', 'body') ?? path(item, 'contentSet', 'inlineXML');
  const located = find(content, 'located');
  const agency = wireProvider(nameOf(find(meta, 'provider')), 'itemMeta.provider');
  const updatedAt = required(textOf(find(meta, 'versionCreated')), 'itemMeta.versionCreated');

  const input: ArticleInput = {
    id,
    version,
    language: attr(find(content, 'language'), 'tag') ?? attr(root, 'lang') ?? '',
    headline: textOf(find(content, 'headline')),
    standfirst: textOf(find(content, 'description')),
    body: innerMarkup(body),
    sections: findAll(meta, 'service').map(nameOf).filter(Boolean),
    keywords: findAll(content, 'keyword').map(textOf).filter(Boolean),
    subjects: findAll(content, 'subject')
      .filter((s) => attr(s, 'qcode')?.startsWith('medtop:'))
      .map((s) => ({ code: attr(s, 'qcode') ?? '', ...optional('name', nameOf(s)) })),
    authors: [
      ...findAll(content, 'creator').map((c) => ({ name: nameOf(c), role: roleOf(c) })),
      ...findAll(content, 'by').map((b) => ({ name: textOf(b), role: 'writer' })),
    ].filter((a, i, all) => a.name && all.findIndex((b) => b.name === a.name) === i),
    ...optional('dateline', textOf(find(content, 'dateline'))),
    ...(located
      ? { location: { name: nameOf(located), ...optional('countryCode', countryOf(located)) } }
      : {}),
    provider: agency,
    sourceAgency: nameOf(find(content, 'infoSource')) || agency,
    ...optional('creditLine', textOf(find(content, 'creditline'))),
    canonicalUrl: required(
      findAll(meta, 'link')
        .map((l) => attr(l, 'href'))
        .find((href) => /^https?:\/\//.test(href ?? '')),
      'itemMeta.link@href',
    ),
    images: [],
    rights: {
      copyrightHolder: nameOf(find(rights, 'copyrightHolder')) || agency,
      copyrightNotice: textOf(find(rights, 'copyrightNotice')),
      ...optional('usageTerms', textOf(find(rights, 'usageTerms'))),
    },
    ...optional('embargoUntil', textOf(find(meta, 'embargoed'))),
    firstPublishedAt: textOf(find(meta, 'firstCreated')) || updatedAt,
    updatedAt,
    ...optional('correctionNote', textOf(find(meta, 'edNote'))),
    ...optional('urgency', urgencyOf(textOf(find(content, 'urgency')))),
    ...optional('genre', nameOf(find(content, 'genre'))),
  };
  return { input, change: changeOf(version, canceled, correction) };
}

/** A QCode-or-literal element's human name: its <name> child, else @literal. */
function nameOf(node: XmlNode | undefined): string {
  return textOf(find(childrenOf(node), 'name')).trim() || (textAttr(node, 'literal') ?? '').trim();
}

function roleOf(creator: XmlNode): string {
  const role = attr(creator, 'role') ?? '';
  return role.replace(/^crol:/, '') || 'writer';
}

function countryOf(located: XmlNode): string | undefined {
  const broader = findAll(childrenOf(located), 'broader').find((b) =>
    attr(b, 'qcode')?.startsWith('iso3166-1a2:'),
  );
  return attr(broader, 'qcode')?.slice('iso3166-1a2:'.length).toUpperCase();
}

function urgencyOf(text: string): number | undefined {
  const urgency = Number(text);
  return Number.isInteger(urgency) && urgency >= 1 && urgency <= 9 ? urgency : undefined;
}

function required(value: string | undefined, field: string): string {
  if (!value) throw new PermanentError('schema-violation', `${field} is required`, [field]);
  return value;
}
