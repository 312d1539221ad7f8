import { PermanentError, type PermanentErrorCode } from '@depeche/contracts';
import { normalizeText } from '../text';
import { attr, find, parseWireXml, textOf } from './wire-xml';

/** The code parseWireXml refuses `xml` with, or undefined when it parses it. */
function refusal(xml: string): PermanentErrorCode | undefined {
  try {
    parseWireXml(xml);
    return undefined;
  } catch (error) {
    if (error instanceof PermanentError) return error.code;
    throw error;
  }
}

// Each of these, once past the check, would have fast-xml-parser declare `e` and expand it.
const DECLARES = '<!DOCTYPE x [<!ENTITY e "lol">]>';

describe('a DOCTYPE in wire XML', () => {
  it.each<[string, string, PermanentErrorCode]>([
    [
      'in the prolog',
      `<?xml version="1.0"?>\n${DECLARES}<body>&e;</body>`,
      'forbidden-xml-construct',
    ],
    [
      'in the middle of the document',
      `<body>${DECLARES}<p>&e;</p></body>`,
      'forbidden-xml-construct',
    ],
    ['in lower case', '<!doctype body><body/>', 'forbidden-xml-construct'],
    ['as an ENTITY alone', '<body><!ENTITY e "lol"><p>x</p></body>', 'forbidden-xml-construct'],
    [
      'as any other declaration',
      '<body><!ELEMENT p ANY><p>x</p></body>',
      'forbidden-xml-construct',
    ],
    [
      // XMLValidator accepts '<' in an attribute value; a '<!--' there must not hide the DOCTYPE.
      'after a comment opener inside an attribute value',
      `<body title="<!--">${DECLARES}<p>&e;</p>--></body>`,
      'invalid-xml',
    ],
    [
      // The parser skips quotes inside a PI and so reads the DOCTYPE; XML reads a comment there.
      'after a processing instruction whose quotes hide its end from the parser',
      `<?x '?><!--' ?>${DECLARES}<body>&e;</body>--><body/>`,
      'forbidden-xml-construct',
    ],
    ['after an unclosed comment', `<body/><!-- ${DECLARES}`, 'invalid-xml'],
    ['after an unclosed CDATA section', `<body><![CDATA[ ${DECLARES}</body>`, 'invalid-xml'],
  ])('is refused %s', (_where, xml, code) => {
    expect(refusal(xml)).toBe(code);
  });

  it('is text inside a CDATA section, and kept as it was', () => {
    const html = `<!DOCTYPE html><html>${DECLARES}&e;</html>`;
    const nodes = parseWireXml(
      `<?xml version="1.0" encoding="UTF-8"?>\n<body><![CDATA[${html}]]></body>`,
    );
    // As the model carries it: textOf writes text as the JSON contract does, '&' as `&amp;`.
    expect(normalizeText(textOf(find(nodes, 'body')))).toBe(html);
  });

  it('is ignored inside a comment', () => {
    const nodes = parseWireXml(`<body><!-- ${DECLARES} --><p>kept</p></body>`);
    expect(textOf(find(nodes, 'body'))).toBe('kept');
  });

  it('is text when escaped', () => {
    const nodes = parseWireXml('<body>&lt;!DOCTYPE html&gt;</body>');
    expect(textOf(find(nodes, 'body'))).toBe('<!DOCTYPE html>');
  });

  it('is found after a tag whose attribute value holds a ">"', () => {
    expect(refusal(`<body title="a > b">${DECLARES}<p>&e;</p></body>`)).toBe(
      'forbidden-xml-construct',
    );
    const nodes = parseWireXml('<body title="a > b"><![CDATA[<!DOCTYPE html>]]></body>');
    expect([attr(find(nodes, 'body'), 'title'), textOf(find(nodes, 'body'))]).toEqual([
      'a > b',
      '<!DOCTYPE html>',
    ]);
  });
});
