import {
  articleGuid,
  countWords,
  type Article,
  type BlockNode,
  type ContentLevel,
  type InlineNode,
} from '@depeche/article';
import { hostileLine } from './hostile-text';
import { picker, seededRandom, type Picker } from './seeded-random';

const LANGUAGES = ['fr', 'fr-BE', 'ar', 'he', 'en-GB', 'zh-Hant-TW'] as const;
const CHANGES = ['published', 'updated', 'corrected', 'withdrawn'] as const;
export const LEVELS: readonly ContentLevel[] = ['headline', 'summary', 'full'];
/** Every this many articles, one with a body of at least 100 KB. */
const LONG_BODY_EVERY = 20;
const LONG_BODY_BYTES = 100 * 1024;

/**
 * `count` variations of `base` (pass the sample article) with hostile text in every text field,
 * empty optional fields, every kind of body block, every change, embargoes either side of `now`,
 * and some 100 KB bodies. Deterministic for a given seed.
 */
export function hostileArticles(base: Article, count: number, seed: number, now: Date): Article[] {
  const p = picker(seededRandom(seed));
  return Array.from({ length: count }, (_, index) => hostileArticle(base, p, index, now));
}

function hostileArticle(base: Article, p: Picker, index: number, now: Date): Article {
  const body =
    index % LONG_BODY_EVERY === LONG_BODY_EVERY - 1 ? longBody(p) : blocks(p, p.int(0, 6), 0);
  const bodyText = bodyTextOf(body);
  const change = p.pick(CHANGES);
  const firstPublished = now.getTime() - p.int(60, 90 * 24 * 3600) * 1000;
  const updated = firstPublished + p.int(0, 3600) * 1000 + (p.chance(0.2) ? p.int(1, 999) : 0);
  const sparse = p.chance(0.3);
  const optional = <T>(value: () => T): T | undefined => (sparse ? undefined : value());
  const id = `hostile-${index}-${p.pick(['été', 'a&b', '<x>', '"q"', 'espace ici'])}`;
  return {
    ...base,
    id,
    guid: articleGuid(base.provider, id),
    version: p.int(1, 30),
    change,
    language: p.pick(LANGUAGES),
    headline: p.pick(['', ' ', '\n']) + hostileLine(p) + p.pick(['', ' ', '\t']),
    standfirst: p.chance(0.15) ? '' : hostileLine(p, 6),
    body,
    bodyText,
    wordCount: countWords(bodyText),
    sections: sparse ? [] : [hostileLine(p, 1)],
    keywords: sparse ? [] : [hostileLine(p, 1), hostileLine(p, 2)],
    subjects: sparse
      ? []
      : [{ code: `medtop:${p.int(1, 20)}000000`, name: optional(() => hostileLine(p, 1)) }],
    authors: sparse ? [] : [{ name: hostileLine(p, 2), role: 'writer' }],
    dateline: optional(() => hostileLine(p, 2)),
    location: optional(() => ({
      name: hostileLine(p, 1),
      countryCode: p.pick(['BY', 'FR', 'IL', 'EG']),
      latitude: p.chance(0.5) ? p.int(-90_000_000, 90_000_000) / 1e6 : undefined,
      longitude: p.chance(0.5) ? p.int(-180_000_000, 180_000_000) / 1e6 : undefined,
    })),
    sourceAgency: optional(() => hostileLine(p, 1)),
    creditLine: optional(() => hostileLine(p, 2)),
    canonicalUrl: `https://webradio-media.example/article/${index}?utm_source=feed&q=%C3%A9t%C3%A9#top`,
    images: sparse
      ? []
      : [
          {
            url: `https://webradio-media.example/images/${index}.jpg?w=1200&h=800`,
            caption: optional(() => hostileLine(p, 2)),
            credit: optional(() => hostileLine(p, 1)),
            width: p.chance(0.5) ? 1200 : undefined,
            height: p.chance(0.5) ? 800 : undefined,
            mediaType: p.pick(['image/jpeg', 'image/png']),
          },
        ],
    rights: {
      copyrightHolder: hostileLine(p, 1),
      copyrightNotice: hostileLine(p, 3),
      usageTerms: optional(() => hostileLine(p, 3)),
      allowedTerritories: [],
      deniedTerritories: [],
      expiresAt: optional(() => new Date(updated + 365 * 24 * 3600 * 1000).toISOString()),
    },
    embargoUntil: p.chance(0.3)
      ? new Date(now.getTime() + p.int(-3600, 3600) * 1000).toISOString()
      : undefined,
    firstPublishedAt: new Date(firstPublished).toISOString(),
    updatedAt: new Date(updated).toISOString(),
    correctionNote: change === 'corrected' || p.chance(0.1) ? hostileLine(p, 3) : undefined,
    urgency: p.int(1, 9),
    genre: optional(() => p.pick(['Current', 'Analysis', 'Interview', hostileLine(p, 1)])),
    withdrawnAt:
      change === 'withdrawn' ? new Date(updated + p.int(1, 3600) * 1000).toISOString() : undefined,
  };
}

function blocks(p: Picker, count: number, depth: number): BlockNode[] {
  return Array.from({ length: count }, () => block(p, depth));
}

function block(p: Picker, depth: number): BlockNode {
  switch (p.pick(['p', 'p', 'p', 'h2', 'h3', 'h4', 'blockquote', 'ul', 'ol', 'figure'] as const)) {
    case 'p':
      return { type: 'p', children: inlines(p, 0) };
    case 'h2':
    case 'h3':
    case 'h4':
      return { type: p.pick(['h2', 'h3', 'h4'] as const), children: inlines(p, 0) };
    case 'blockquote':
      return depth < 2
        ? { type: 'blockquote', children: blocks(p, p.int(1, 3), depth + 1) }
        : { type: 'p', children: inlines(p, 0) };
    case 'ul':
    case 'ol':
      return {
        type: p.pick(['ul', 'ol'] as const),
        items: Array.from({ length: p.int(1, 4) }, () => inlines(p, 0)),
      };
    case 'figure':
      return {
        type: 'figure',
        image: {
          src: 'https://webradio-media.example/images/figure.png?a=1&b=2',
          alt: hostileLine(p, 2),
          width: p.chance(0.5) ? 640 : undefined,
        },
        caption: p.chance(0.7) ? inlines(p, 0) : undefined,
      };
  }
}

/** Inline marks nest, but never a link inside a link (HTML cannot hold one, and the sanitiser removes it). */
function inlines(p: Picker, depth: number, inLink = false): InlineNode[] {
  return Array.from({ length: p.int(1, 4) }, (): InlineNode => {
    const kind = depth < 2 ? p.pick(['text', 'text', 'em', 'strong', 'a', 'br'] as const) : 'text';
    switch (kind) {
      case 'text':
        return { type: 'text', text: hostileLine(p, 5) };
      case 'em':
      case 'strong':
        return { type: kind, children: inlines(p, depth + 1, inLink) };
      case 'a':
        return inLink
          ? { type: 'text', text: hostileLine(p, 1) }
          : {
              type: 'a',
              href: 'https://example.org/lien?x=1&y=<2>',
              children: inlines(p, depth + 1, true),
            };
      case 'br':
        return { type: 'br' };
    }
  });
}

function longBody(p: Picker): BlockNode[] {
  const body: BlockNode[] = [];
  let size = 0;
  while (size < LONG_BODY_BYTES) {
    const paragraph: BlockNode = { type: 'p', children: inlines(p, 0) };
    body.push(paragraph);
    size += Buffer.byteLength(JSON.stringify(paragraph));
  }
  return body;
}

/** The model's bodyText: blocks' plain text separated by blank lines. */
function bodyTextOf(body: readonly BlockNode[]): string {
  return body.flatMap(blockPlainTexts).join('\n\n');
}

function blockPlainTexts(block: BlockNode): string[] {
  switch (block.type) {
    case 'p':
    case 'h2':
    case 'h3':
    case 'h4':
      return [inlinePlainText(block.children)];
    case 'blockquote':
      return block.children.flatMap(blockPlainTexts);
    case 'ul':
    case 'ol':
      return block.items.map(inlinePlainText);
    case 'figure':
      return block.caption ? [inlinePlainText(block.caption)] : [];
  }
}

function inlinePlainText(nodes: readonly InlineNode[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
          return node.text;
        case 'br':
          return '\n';
        case 'em':
        case 'strong':
        case 'a':
          return inlinePlainText(node.children);
      }
    })
    .join('');
}
