/**
 * ASCII whitespace as HTML defines it (tab, LF, FF, CR, space): the only characters a browser
 * collapses. U+00A0 and U+202F, which French puts before « » : ; ! ?, are not among them, which is
 * why neither `\s` nor String#trim may be used on text.
 */
const RUN = /[\t\n\f\r ]+/g;
const EDGES = /^[\t\n\f\r ]+|[\t\n\f\r ]+$/g;

/** Whatever RUN would change: a tab, LF, FF or CR, or two spaces in a row. */
const COLLAPSIBLE = /[\t\n\f\r]| {2}/;

export function collapseHtmlWhitespace(text: string): string {
  return COLLAPSIBLE.test(text) ? text.replace(RUN, ' ') : text;
}

export function trimHtmlWhitespace(text: string): string {
  return isHtmlWhitespace(text.charCodeAt(0)) || isHtmlWhitespace(text.charCodeAt(text.length - 1))
    ? text.replace(EDGES, '')
    : text;
}

function isHtmlWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0c || code === 0x0d;
}
