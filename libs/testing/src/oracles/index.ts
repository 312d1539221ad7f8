export { oraclesDir, repoRoot } from './oracles-dir';
export type { OracleVerdict } from './oracle-verdict';
export { validateNewsml } from './validate-newsml';
export { validateAtom } from './validate-atom';
export { checkWellFormed } from './check-well-formed';
export { checkFeed, type FeedCheck, type FeedCheckOptions } from './check-feed';
export {
  readFeedEntries,
  type FeedparserEntry,
  type FeedparserReading,
} from './feedparser-entries';
export { validateJsonFeed } from './validate-json-feed';
export { validateNinjs, validateNinjsItems } from './validate-ninjs';
export {
  readHtmlTexts,
  readXmlTexts,
  type HtmlReading,
  type XmlQueries,
  type XmlReading,
} from './read-xml';
