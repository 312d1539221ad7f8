/**
 * What a feed document says about itself (not about its stories). One value per published feed
 * and format: `selfUrl` is the URL of this very document, so the RSS and the Atom renditions of
 * the same channel get different ones.
 */
export interface Channel {
  /**
   * The feed's permanent identity: Atom `feed/id` (RFC 4287 §4.2.6: an IRI that never changes,
   * even if the feed moves), e.g. `urn:depeche:feed:international:fr`.
   */
  readonly id: string;
  readonly title: string;
  /** RSS channel description (required by RSS 2.0), Atom subtitle, JSON Feed description. */
  readonly description: string;
  /** BCP 47 language of the channel (RSS `language`, Atom `xml:lang`, JSON Feed `language`). */
  readonly language: string;
  /** The web page the feed is about: RSS `link`, Atom `link rel="alternate"`, JSON Feed `home_page_url`. */
  readonly link: string;
  /** This document's own URL: RSS/Atom `link rel="self"`, JSON Feed `feed_url`. */
  readonly selfUrl: string;
  /** WebSub hub (W3C WebSub §4): `link rel="hub"`, JSON Feed `hubs`. */
  readonly hubUrl?: string;
  /** The next page of this paged document, per format like selfUrl (RFC 5005 §3 `rel="next"`, JSON Feed `next_url`). */
  readonly nextUrl?: string;
  /**
   * The previous archive document of an archived feed, per format (RFC 5005 §4 `rel="prev-archive"`;
   * JSON Feed, which has no archives, offers it as `next_url`, its link to older items).
   */
  readonly prevArchiveUrl?: string;
  /** On an archive document, the subscription document it belongs to (RFC 5005 §4 `rel="current"`). */
  readonly currentUrl?: string;
  /** Whether this document is an archive document: RSS and Atom carry `fh:archive` (RFC 5005 §4). */
  readonly archived?: boolean;
  /** Who publishes the feed: Atom feed author (so no entry lacks one), NewsML-G2 message sender. */
  readonly publisher: string;
  /** The software that wrote the document, e.g. `depeche 0.1.0` (RSS/Atom generator). */
  readonly generator: string;
}
