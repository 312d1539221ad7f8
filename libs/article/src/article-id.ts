/**
 * What an article id may be, whichever format it came in: 1–256 characters of letters, digits and
 * the punctuation of URNs and tag URIs (`urn:newsml:afp.com:20250704:TX-PAR-ABC12`,
 * `tag:belta.by,2025:kellogg`), starting with a letter or digit. The CMS contract's ids (letters,
 * digits, `. _ : -`, at most 200) all fit. No whitespace, no control character, no NUL: an id is
 * the Kafka key, a database key and part of every guid, and is never cleaned, only refused.
 */
export const ARTICLE_ID = /^[A-Za-z0-9][A-Za-z0-9._~:/@+=,;%#!$*'()-]{0,255}$/;
export const ARTICLE_ID_RULE =
  "1–256 characters of letters, digits and . _ ~ : / @ + = , ; % # ! $ * ' ( ) -, starting with a letter or digit";
