import { PermanentError } from '@depeche/contracts';

/**
 * Refuses a DOCTYPE, ENTITY or any other `<!` declaration wherever fast-xml-parser would read one,
 * and any reference to an entity XML does not define itself (no DTD may declare one).
 *
 * Looking only before the root element is not enough: the parser (5.12) accepts a DOCTYPE in the
 * middle of a document and expands the entities it declares. Nor is a plain text search right: it
 * refuses a DOCTYPE quoted inside a CDATA section or a comment, which the parser never reads as
 * markup. So the text is walked the way OrderedObjParser.parseXml walks it: comments and CDATA
 * sections end at their first terminator, and tags are read with quoted values skipped. Where the
 * parser's reading and XML's could differ, the text is refused rather than guessed at.
 * One pass over the text, with no regular expressions (so no backtracking on hostile input).
 */
export function refuseMarkupDeclarations(text: string): void {
  let at = text.indexOf('<');
  refuseUndeclaredEntities(text, 0, at === -1 ? text.length : at);
  while (at !== -1) {
    const end = endOfMarkup(text, at);
    // A start or end tag's attribute values, then the character data up to the next markup.
    if (text[at + 1] !== '!' && text[at + 1] !== '?') refuseUndeclaredEntities(text, at, end);
    at = text.indexOf('<', end + 1);
    refuseUndeclaredEntities(text, end + 1, at === -1 ? text.length : at);
  }
}

/** XML's own entities: with no DTD, no other name may be referred to (XML 1.0 §4.1, WFC). */
const PREDEFINED_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/**
 * Refuses, between `from` and `to`, an entity reference XML does not define (`&eacute;`: HTML's,
 * declared by no DTD here) and a bare '&'. The parser left such text as it was in the body and
 * decoded it in a headline, so one item read two ways; a document with one is not well-formed XML.
 * Character references (`&#233;`, `&#xE9;`) are XML's own and pass.
 */
function refuseUndeclaredEntities(text: string, from: number, to: number): void {
  for (
    let amp = text.indexOf('&', from);
    amp !== -1 && amp < to;
    amp = text.indexOf('&', amp + 1)
  ) {
    const semicolon = text.indexOf(';', amp + 1);
    const name = semicolon === -1 || semicolon > to ? '' : text.slice(amp + 1, semicolon);
    if (!PREDEFINED_ENTITIES.has(name) && !isCharacterReference(name)) {
      throw notWellFormed(
        name === '' || name.length > 32
          ? "an '&' that starts no reference (write &amp;)"
          : `the entity &${name}; is not XML's and no DTD may declare it (write the character, or &#…;)`,
      );
    }
  }
}

/** `#233` or `#xE9`, as XML writes a character reference. */
function isCharacterReference(name: string): boolean {
  if (!name.startsWith('#')) return false;
  const hex = name.startsWith('#x');
  const digits = name.slice(hex ? 2 : 1);
  if (digits.length === 0 || digits.length > 8) return false;
  const allowed = hex ? '0123456789abcdefABCDEF' : '0123456789';
  return [...digits].every((c) => allowed.includes(c));
}

/** The index of the last character of the markup that starts at `at`, a '<'. */
function endOfMarkup(text: string, at: number): number {
  if (text.startsWith('<!--', at)) return closedBy(text, '-->', at + 4, 'comment');
  if (text.startsWith('<![CDATA[', at)) return closedBy(text, ']]>', at + 9, 'CDATA section');
  if (text.startsWith('<!', at)) {
    throw new PermanentError(
      'forbidden-xml-construct',
      'DOCTYPE, ENTITY and other <! declarations are refused in wire XML',
    );
  }
  if (text.startsWith('<?', at)) return endOfProcessingInstruction(text, at);
  // The parser ends an end tag at its first '>', quotes or not; a start tag, outside quotes.
  const end = text.startsWith('</', at)
    ? closedBy(text, '>', at + 2, 'end tag')
    : quoteAwareEnd(text, at + 1, '>');
  if (end === -1) throw notWellFormed('a start tag or attribute value is not closed');
  // XML 1.0 §3.1 forbids '<' in attribute values; XMLValidator lets it through, and a '<!--'
  // there must not look like a comment that hides what follows.
  const lt = text.indexOf('<', at + 1);
  if (lt !== -1 && lt < end) throw notWellFormed("'<' inside a tag");
  return end;
}

/**
 * XML ends a processing instruction at its first '?>'; the parser skips quoted runs first, so it
 * reads `<?x '?><!--' ?><!DOCTYPE …>` as one PI and then the DOCTYPE, where XML sees a comment.
 * Unless both readings agree, the instruction is refused.
 */
function endOfProcessingInstruction(text: string, at: number): number {
  const end = closedBy(text, '?>', at + 2, 'processing instruction');
  if (quoteAwareEnd(text, at + 1, '?>') !== end) {
    throw new PermanentError(
      'forbidden-xml-construct',
      'a processing instruction with quotes around its ?> is refused in wire XML',
    );
  }
  return end;
}

function closedBy(text: string, terminator: string, from: number, what: string): number {
  const start = text.indexOf(terminator, from);
  if (start === -1) throw notWellFormed(`${what} not closed`);
  return start + terminator.length - 1;
}

/** As fast-xml-parser's tagExpWithClosingIndex: the end of `terminator`, quoted runs skipped; -1 if none. */
function quoteAwareEnd(text: string, from: number, terminator: string): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      i = text.indexOf(c, i + 1);
      if (i === -1) return -1;
    } else if (text.startsWith(terminator, i)) {
      return i + terminator.length - 1;
    }
  }
  return -1;
}

function notWellFormed(what: string): PermanentError {
  return new PermanentError('invalid-xml', `not well-formed XML: ${what}`);
}
