import { defaultTreeAdapter, html, parseFragment, type DefaultTreeAdapterTypes } from 'parse5';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlainMarkup } from './plain-markup-tree';

type Node = DefaultTreeAdapterTypes.Node;

const CONTEXT = defaultTreeAdapter.createElement('div', html.NS.HTML, []);

/** A tree as comparable data: every field the sanitiser could read, without parent links. */
function shape(node: Node): unknown {
  if (defaultTreeAdapter.isTextNode(node)) return { text: node.value };
  if (defaultTreeAdapter.isCommentNode(node)) return { comment: node.data };
  const element = node as DefaultTreeAdapterTypes.Element;
  const children = 'childNodes' in node ? node.childNodes.map(shape) : [];
  if (!('tagName' in node)) return { nodeName: node.nodeName, children };
  return {
    tag: element.tagName,
    nodeName: element.nodeName,
    ns: element.namespaceURI,
    attrs: element.attrs,
    children,
  };
}

const byParse5 = (markup: string): unknown => shape(parseFragment(CONTEXT, markup, {}));

function plainShape(markup: string): unknown {
  const tree = parsePlainMarkup(markup, Infinity);
  return tree && shape(tree);
}

const SAMPLE_EVENT = JSON.parse(
  readFileSync(join(__dirname, '../../../../fixtures/sample-article.published.json'), 'utf8'),
) as { article: { body: string } };

/** Pieces of markup, plain and not, that random bodies are made of. */
const PIECES = [
  '<p>',
  '</p>',
  '<P class="x">',
  '<div>',
  '</div>',
  '<div/>',
  '<span>',
  '</span>',
  '<b>',
  '</b>',
  '<i>',
  '</i>',
  '<em>',
  '</em>',
  '<strong>',
  '</strong>',
  '<a href="/x?a=1&amp;b=2">',
  '</a>',
  '<a href=/y>',
  '<ul>',
  '</ul>',
  '<ol>',
  '</ol>',
  '<li>',
  '</li>',
  '<h2>',
  '</h2>',
  '<h3 id=t>',
  '</h3>',
  '<blockquote>',
  '</blockquote>',
  '<figure>',
  '</figure>',
  '<figcaption>',
  '</figcaption>',
  '<img src="a.jpg" alt="x &eacute; y">',
  '<img src=b.jpg/>',
  '<br>',
  '<br/>',
  '</br>',
  '<table>',
  '<td>',
  '</table>',
  '<pre>',
  '<textarea>',
  '<svg>',
  '<math>',
  '<font>',
  '<nobr>',
  '<code>',
  '</code>',
  '<sup>',
  '</sup>',
  '<script>x<y</script>',
  '<script>a<!--b</script>',
  '<SCRIPT>if (a</b) {}</Script>',
  '<style>p{}</style>',
  '<style></stylex></style>',
  '<!-- c -->',
  '<!--[if IE]><p>x</p><![endif]-->',
  '<!--a<!-->',
  '<!--<!---x-->',
  '<!--a--!-b-->',
  '<!---->',
  '<!-->',
  '<!--->',
  '<!-- a --!> b -->',
  '<!-- <!-- -->',
  '<!DOCTYPE html>',
  '<?php ?>',
  'texte',
  ' ',
  '\n  ',
  '\t',
  '&eacute;',
  '&amp;',
  '&nbsp;',
  '&laquo;',
  '&rsquo;',
  '&#146;',
  '&#x1F600;',
  '&#0;',
  '&#99999999;',
  '&notit;',
  '&notin;',
  '&copy',
  'AT&T',
  '& ',
  '&;',
  '<',
  'a < b',
  '<3',
  '</ >',
  '</>',
  '>',
  '"',
  "'",
  '=',
  '`',
  '\f',
  '\u00a0',
  'é',
  '\u0301',
  '<a title="&notit;">',
  '<a title="&amp;x">',
  '<span a=1 a=2>',
  '<span a b c>',
  '<span x="1"y="2">',
  '<my-tag>',
  '<p x=`y`>',
  '<img src="x"\n alt=\'q\'>',
];

describe('the plain-markup shortcut builds exactly the tree parse5 builds', () => {
  it('takes the shortcut for the sample body and matches parse5 node for node', () => {
    const body = SAMPLE_EVENT.article.body;
    expect(plainShape(body)).toBeDefined();
    expect(plainShape(body)).toEqual(byParse5(body));
  });

  it.each([
    ['an empty body', ''],
    ['text only', 'Minsk et Washington'],
    [
      'paragraphs with marks and links',
      '<p>Un <em>deux</em> <a href="/t">trois</a>.</p><p>Quatre</p>',
    ],
    ['a list', '<ul><li>un</li><li>deux</li></ul>'],
    ['a figure', '<figure><img src="/a.jpg" alt="A"><figcaption>Légende</figcaption></figure>'],
    [
      'character references',
      '<p>&laquo;&nbsp;l&rsquo;&eacute;missaire&nbsp;&raquo; &#171; &#x1F1E7;</p>',
    ],
  ])('takes the shortcut for %s and matches parse5', (_name, markup) => {
    expect(plainShape(markup)).toBeDefined();
    expect(plainShape(markup)).toEqual(byParse5(markup));
  });

  it.each([
    ['an unclosed <p> before a block', '<p>a<div>b</div>'],
    ['misnested marks', '<b><i>x</b></i>'],
    ['a CR', 'a\r\nb'],
    ['a NUL', 'a\u0000b'],
    ['a reference without a semicolon', '&copy 2025'],
    ['a table', '<table><td>x</td></table>'],
    ['an SVG', '<svg><text>x</text></svg>'],
  ])('leaves %s to parse5', (_name, markup) => {
    expect(plainShape(markup)).toBeUndefined();
  });

  it('never differs from parse5 on 30,000 random bodies, and takes the shortcut for many', () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
    let taken = 0;
    for (let n = 0; n < 30_000; n++) {
      const markup = Array.from(
        { length: 1 + (next() % 12) },
        () => PIECES[next() % PIECES.length],
      ).join('');
      const plain = plainShape(markup);
      if (plain === undefined) continue;
      taken++;
      expect([markup, plain]).toEqual([markup, byParse5(markup)]);
    }
    expect(taken).toBeGreaterThan(3_000);
  });
});
