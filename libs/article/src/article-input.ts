/**
 * A story in the CMS's terms, before normalisation: what the validated event DTOs and the wire
 * parsers hand to `normalizeArticle`. Plain data; text may still hold character references and
 * stray whitespace, times any RFC 3339 offset, the body raw HTML.
 */
export interface ArticleInput {
  readonly id: string;
  readonly version: number;
  /** BCP 47 in any case: `fr`, `fr-be`, `FR_BE`. */
  readonly language: string;
  readonly headline: string;
  readonly standfirst: string;
  /** An HTML fragment. */
  readonly body: string;
  readonly sections: readonly string[];
  readonly keywords: readonly string[];
  readonly subjects?: readonly SubjectInput[];
  readonly authors: readonly AuthorInput[];
  readonly dateline?: string;
  readonly location?: LocationInput;
  readonly provider: string;
  readonly sourceAgency?: string;
  readonly creditLine?: string;
  /** Absolute http(s); the base for the body's and images' relative URLs. */
  readonly canonicalUrl: string;
  readonly images: readonly ImageInput[];
  readonly rights: RightsInput;
  readonly embargoUntil?: string;
  readonly firstPublishedAt: string;
  readonly updatedAt: string;
  readonly correctionNote?: string;
  /** IPTC urgency 1–9; 5 when absent. */
  readonly urgency?: number;
  readonly genre?: string;
  /** Used on a withdrawal; `updatedAt` stands in when absent. */
  readonly withdrawnAt?: string;
}

export interface SubjectInput {
  readonly code: string;
  readonly name?: string;
}

export interface AuthorInput {
  readonly name: string;
  readonly role: string;
}

export interface LocationInput {
  readonly name: string;
  readonly countryCode?: string;
  readonly latitude?: number;
  readonly longitude?: number;
}

export interface ImageInput {
  /** Absolute, or relative to the canonical URL. */
  readonly url: string;
  readonly caption?: string;
  readonly credit?: string;
  readonly width?: number;
  readonly height?: number;
  readonly mediaType: string;
}

export interface RightsInput {
  readonly copyrightHolder: string;
  readonly copyrightNotice: string;
  readonly usageTerms?: string;
  readonly allowedTerritories?: readonly string[];
  readonly deniedTerritories?: readonly string[];
  readonly expiresAt?: string;
}
