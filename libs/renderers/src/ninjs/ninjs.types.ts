/** ninjs 3.1 (IPTC, https://www.iptc.org/std/ninjs/), the subset we write; property names as in the schema. */
export interface NinjsItem {
  readonly uri: string;
  readonly standard: { readonly name: 'ninjs'; readonly version: '3.1'; readonly schema: string };
  readonly type: 'text' | 'picture';
  readonly representationType?: 'full' | 'partial';
  readonly version?: string;
  readonly firstCreated?: string;
  readonly versionCreated?: string;
  readonly contentCreated?: string;
  readonly embargoedUntil?: string;
  readonly pubStatus?: 'usable' | 'withheld' | 'canceled';
  readonly urgency?: number;
  readonly copyrightHolder?: string;
  readonly copyrightNotice?: string;
  readonly usageTerms?: string;
  readonly edNote?: string;
  readonly language?: string;
  readonly headlines?: readonly NinjsText[];
  readonly descriptions?: readonly NinjsText[];
  readonly bodies?: readonly NinjsBody[];
  readonly subjects?: readonly NinjsConcept[];
  readonly genres?: readonly NinjsConcept[];
  readonly places?: readonly NinjsPlace[];
  readonly infoSources?: readonly { readonly name: string }[];
  readonly by?: string;
  readonly slugline?: string;
  readonly located?: string;
  readonly renditions?: readonly NinjsRendition[];
  readonly associations?: readonly NinjsAssociation[];
  readonly altIds?: readonly { readonly role: string; readonly value: string }[];
  readonly expires?: string;
}

export interface NinjsText {
  readonly role: string;
  readonly contentType: string;
  readonly value: string;
}

export interface NinjsBody extends NinjsText {
  readonly charCount?: number;
  readonly wordCount?: number;
}

export interface NinjsConcept {
  readonly name?: string;
  readonly uri?: string;
  readonly literal?: string;
}

export interface NinjsPlace {
  readonly name: string;
  readonly geoJSON?: { readonly type: 'Point'; readonly coordinates: readonly [number, number] };
}

export interface NinjsRendition {
  readonly name: string;
  readonly href: string;
  readonly contentType: string;
  readonly width?: number;
  readonly height?: number;
}

/** An associated object: any ninjs object plus `name` (required) and `rel`. */
export interface NinjsAssociation extends Omit<NinjsItem, 'standard'> {
  readonly name: string;
  readonly rel?: string;
}
