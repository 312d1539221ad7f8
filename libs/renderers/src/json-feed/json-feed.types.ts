/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), the subset we write. */
export interface JsonFeed {
  readonly version: 'https://jsonfeed.org/version/1.1';
  readonly title: string;
  readonly home_page_url: string;
  readonly feed_url: string;
  readonly description: string;
  readonly language: string;
  readonly authors: readonly JsonFeedAuthor[];
  readonly hubs?: readonly JsonFeedHub[];
  readonly next_url?: string;
  readonly items: readonly JsonFeedItem[];
}

export interface JsonFeedAuthor {
  readonly name: string;
}

export interface JsonFeedHub {
  readonly type: string;
  readonly url: string;
}

export interface JsonFeedItem {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly content_html?: string;
  readonly content_text?: string;
  readonly summary?: string;
  readonly image?: string;
  readonly date_published: string;
  readonly date_modified: string;
  readonly authors?: readonly JsonFeedAuthor[];
  readonly tags?: readonly string[];
  readonly language: string;
  /** JSON Feed 1.1 extension (§Extensions): the embargo's end while it holds (early delivery). */
  readonly _depeche?: { readonly embargoed_until: string };
}
