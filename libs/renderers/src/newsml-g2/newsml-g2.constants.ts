/** NewsML-G2 2.35 (IPTC, approved 2025-05-16), Power conformance: the schema the oracle validates against. */
export const NAR_NAMESPACE = 'http://iptc.org/std/nar/2006-10-01/';
export const STANDARD_VERSION = '2.35';

/**
 * The IPTC G2 standards catalog that defines the QCode aliases we use (ninat, stat, sig, medtop,
 * genre, drol, irel, cptype, iso3166-1a2). Version 41 is the one IPTC's own NewsML-G2 2.35 library
 * (python-newsml-g2) writes.
 */
export const IPTC_CATALOG = 'http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml';

/** IANA-registered media types of the IPTC G2 family. */
export const NEWS_ITEM_MEDIA_TYPE = 'application/vnd.iptc.g2.newsitem+xml; charset=utf-8';
export const NEWS_MESSAGE_MEDIA_TYPE = 'application/vnd.iptc.g2.newsmessage+xml; charset=utf-8';
