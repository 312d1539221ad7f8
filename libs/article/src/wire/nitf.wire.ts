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
  renameTags,
  textAttr,
  textOf,
} from './wire-xml';

/** NITF's block elements that XHTML names differently; the rest is left to the sanitiser's allow-list. */
const NITF_TO_XHTML = { hl2: 'h2', bq: 'blockquote' } as const;

/**
 * An IPTC NITF 3.x document, mapped to the CMS's terms: head/docdata for identity, status and times,
 * body.head for headline, byline, dateline and abstract, body.content for the text.
 */
export function parseNitf(text: string): WireStory {
  const root = find(parseWireXml(text), 'nitf');
  if (!root) throw new PermanentError('invalid-xml', 'the root element is not nitf', ['nitf']);
  const nitf = childrenOf(root);
  const head = childrenOf(find(nitf, 'head'));
  const docdata = childrenOf(find(head, 'docdata'));
  const bodyHead = childrenOf(path(nitf, 'body', 'body.head'));
  const id = wireId(attr(find(docdata, 'doc-id'), 'id-string'), 'docdata.doc-id@id-string');
  const version = wireVersion(attr(find(docdata, 'du-key'), 'version'), 'docdata.du-key@version');
  const status = attr(find(docdata, 'doc.status'), 'value') ?? '';
  const copyright = find(docdata, 'doc.copyright');
  const distributor = wireProvider(
    textOf(find(bodyHead, 'distributor')).trim(),
    'body.head.distributor',
  );
  const location = path(bodyHead, 'dateline', 'location');
  const updatedAt = required(
    fromNitfDate(attr(find(docdata, 'date.issue'), 'norm')),
    'docdata.date.issue@norm',
  );
  const canonical = findAll(childrenOf(find(head, 'pubdata')), 'pubdata')
    .map((p) => attr(p, 'ex-ref'))
    .concat(attr(find(head, 'pubdata'), 'ex-ref'))
    .find((href) => /^https?:\/\//.test(href ?? ''));

  const input: ArticleInput = {
    id,
    version,
    language: attr(root, 'baselang') ?? attr(root, 'lang') ?? '',
    headline: textOf(path(bodyHead, 'hedline', 'hl1')),
    standfirst: textOf(find(bodyHead, 'abstract')).trim(),
    // NITF's block headings are XHTML's; everything else is left to the sanitiser's allow-list.
    body: innerMarkup({
      'body.content': renameTags(childrenOf(path(nitf, 'body', 'body.content')), NITF_TO_XHTML),
    }),
    sections: (textAttr(find(head, 'pubdata'), 'position.section') ?? '')
      .split(',')
      .map((section) => section.trim())
      .filter(Boolean),
    keywords: findAll(childrenOf(find(docdata, 'key-list')), 'keyword')
      .map((k) => textAttr(k, 'key') ?? '')
      .filter(Boolean),
    subjects: findAll(childrenOf(find(head, 'tobject')), 'tobject.subject')
      .map((s) => attr(s, 'tobject.subject.refnum') ?? '')
      .filter((code) => /^medtop:\d{8}$/.test(code))
      .map((code) => ({ code })),
    authors: findAll(bodyHead, 'byline').map((b) => ({
      name: textOf(find(childrenOf(b), 'person')) || textOf(b),
      role: 'writer',
    })),
    ...optional('dateline', textOf(find(bodyHead, 'dateline')).replace(/\s+/g, ' ').trim()),
    ...(location
      ? {
          location: {
            name: textOf(find(childrenOf(location), 'city')) || textOf(location),
            ...optional('countryCode', attr(find(childrenOf(location), 'country'), 'iso-cc')),
          },
        }
      : {}),
    provider: distributor,
    sourceAgency: distributor,
    rights: {
      copyrightHolder: textAttr(copyright, 'holder') ?? distributor,
      copyrightNotice:
        `© ${textAttr(copyright, 'year') ?? ''} ${textAttr(copyright, 'holder') ?? distributor}`.replace(
          '©  ',
          '© ',
        ),
    },
    canonicalUrl: required(canonical, 'head.pubdata@ex-ref'),
    images: [],
    ...optional('embargoUntil', fromNitfDate(attr(find(docdata, 'date.release'), 'norm'))),
    firstPublishedAt: fromNitfDate(attr(find(docdata, 'date.issue'), 'norm')) ?? updatedAt,
    updatedAt,
    ...optional(
      'correctionNote',
      textOf(find(docdata, 'ed-msg')) || textAttr(find(docdata, 'ed-msg'), 'info'),
    ),
    ...optional(
      'genre',
      textAttr(
        find(childrenOf(find(head, 'tobject')), 'tobject.property'),
        'tobject.property.type',
      ),
    ),
    ...optional('urgency', Number(attr(find(docdata, 'urgency'), 'ed-urg')) || undefined),
  };
  return {
    input,
    change: changeOf(
      version,
      status === 'withdrawn' || status === 'canceled',
      Boolean(input.correctionNote),
    ),
  };
}

/** NITF's ISO 8601 basic format (20250704T143000Z or 20250704T143000+0200) to RFC 3339. */
function fromNitfDate(norm: string | undefined): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z|[+-]\d{4})?$/.exec(norm ?? '');
  if (!m) return norm || undefined;
  const zone = !m[7] || m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].slice(3)}`;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`;
}

function required(value: string | undefined, field: string): string {
  if (!value) throw new PermanentError('schema-violation', `${field} is required`, [field]);
  return value;
}
