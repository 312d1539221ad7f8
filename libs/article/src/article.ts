/**
 * The canonical article: what every event (CMS JSON, NewsML-G2 or NITF wire copy) is normalised
 * into, what the store keeps per version, and what every renderer reads. Plain data, JSON-safe.
 * Times are RFC 3339 strings in UTC (`2025-07-04T14:05:00.000Z`).
 */
export interface Article {
  /** The CMS's id for the story; stable across versions. */
  readonly id: string;
  /** The one identifier every format uses (NewsML guid, Atom id, RSS guid, JSON Feed id, ninjs uri). */
  readonly guid: string;
  /** Grows with every change; an older version never replaces a newer one. */
  readonly version: number;
  readonly change: ArticleChange;
  /** BCP 47, e.g. `fr`, `fr-BE`. */
  readonly language: string;
  readonly headline: string;
  /** One or two sentences, plain text. */
  readonly standfirst: string;
  /** The sanitised body as a small tree: renderers build markup from it, never from strings. */
  readonly body: readonly BlockNode[];
  /** The body as plain text: paragraphs and headings separated by blank lines. */
  readonly bodyText: string;
  readonly wordCount: number;
  readonly sections: readonly string[];
  readonly keywords: readonly string[];
  readonly subjects: readonly Subject[];
  readonly authors: readonly Author[];
  readonly dateline?: string;
  readonly location?: Location;
  /** The publisher that syndicates the story (NewsML provider). */
  readonly provider: string;
  /** Where the story came from when it is not the publisher's own (NewsML infoSource). */
  readonly sourceAgency?: string;
  readonly creditLine?: string;
  readonly canonicalUrl: string;
  readonly images: readonly Image[];
  readonly rights: Rights;
  /** Not to be published before this time. */
  readonly embargoUntil?: string;
  readonly firstPublishedAt: string;
  readonly updatedAt: string;
  /** What a correction changed, for readers (NewsML edNote, RSS/Atom note). */
  readonly correctionNote?: string;
  /** IPTC urgency, 1 (most urgent) to 9. */
  readonly urgency: number;
  /** IPTC genre name, e.g. `Current`, `Analysis`, `Interview`. */
  readonly genre?: string;
  /** Set on withdrawal: the tombstone's time. */
  readonly withdrawnAt?: string;
}

export const ARTICLE_CHANGES = ['published', 'updated', 'corrected', 'withdrawn'] as const;
export type ArticleChange = (typeof ARTICLE_CHANGES)[number];

export interface Subject {
  /** IPTC Media Topic code, e.g. `medtop:11000000`. */
  readonly code: string;
  readonly name?: string;
}

export interface Author {
  readonly name: string;
  /** e.g. `writer`, `editor`, `photographer`, `correspondent`. */
  readonly role: string;
}

export interface Location {
  readonly name: string;
  /** ISO 3166-1 alpha-2. */
  readonly countryCode?: string;
  readonly latitude?: number;
  readonly longitude?: number;
}

export interface Image {
  readonly url: string;
  readonly caption?: string;
  readonly credit?: string;
  readonly width?: number;
  readonly height?: number;
  /** e.g. `image/jpeg`. */
  readonly mediaType: string;
}

export interface Rights {
  readonly copyrightHolder: string;
  readonly copyrightNotice: string;
  readonly usageTerms?: string;
  /** ISO 3166-1 alpha-2 codes; empty means everywhere not denied. */
  readonly allowedTerritories: readonly string[];
  readonly deniedTerritories: readonly string[];
  /** After this time the story may no longer be used. */
  readonly expiresAt?: string;
}

/** Block-level content, the allow-list of the sanitiser. */
export type BlockNode =
  | { readonly type: 'p' | 'h2' | 'h3' | 'h4'; readonly children: readonly InlineNode[] }
  | { readonly type: 'blockquote'; readonly children: readonly BlockNode[] }
  | { readonly type: 'ul' | 'ol'; readonly items: readonly (readonly InlineNode[])[] }
  | {
      readonly type: 'figure';
      readonly image: FigureImage;
      readonly caption?: readonly InlineNode[];
    };

export interface FigureImage {
  readonly src: string;
  readonly alt: string;
  readonly width?: number;
  readonly height?: number;
}

/** Inline marks. */
export type InlineNode =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'em' | 'strong'; readonly children: readonly InlineNode[] }
  | { readonly type: 'a'; readonly href: string; readonly children: readonly InlineNode[] }
  | { readonly type: 'br' };
