export { cleanCharacters, cleanLine, normalizeLine, normalizeText } from './normalize-text';
export { collapseHtmlWhitespace, trimHtmlWhitespace } from './html-whitespace';
