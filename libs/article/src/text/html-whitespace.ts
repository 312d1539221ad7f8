/**
 * ASCII whitespace as HTML defines it (tab, LF, FF, CR, space): the only characters a browser
 * collapses. U+00A0 and U+202F, which French puts before « » : ; ! ?, are not among them, which is
 * why neither `\s` nor String#trim may be used on text.
 */
const RUN = /[\t\n\f\r ]+/g;
const EDGES = /^[\t\n\f\r ]+|[\t\n\f\r ]+$/g;

export function collapseHtmlWhitespace(text: string): string {
  return text.replace(RUN, ' ');
}

export function trimHtmlWhitespace(text: string): string {
  return text.replace(EDGES, '');
}
