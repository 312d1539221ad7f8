import { defaultTreeAdapter, html, parseFragment, type DefaultTreeAdapterTypes } from 'parse5';
import { parseBodyFragment } from './html-tree';
import { sanitizeBody } from './sanitize-body';

type Node = DefaultTreeAdapterTypes.Node;

const CONTEXT = defaultTreeAdapter.createElement('div', html.NS.HTML, []);

/** A tree as comparable data, with each node's parent checked on the way down. */
function shape(node: Node, parent?: Node): unknown {
  if (parent && (node as DefaultTreeAdapterTypes.ChildNode).parentNode !== parent) {
    throw new Error('a node does not name its parent');
  }
  if (defaultTreeAdapter.isTextNode(node)) return { text: node.value };
  if (defaultTreeAdapter.isCommentNode(node)) return { comment: node.data };
  const children = 'childNodes' in node ? node.childNodes.map((c) => shape(c, node)) : [];
  if (!('tagName' in node)) return { nodeName: node.nodeName, children };
  return { tag: node.tagName, ns: node.namespaceURI, attrs: node.attrs, children };
}

/**
 * Bodies of many top-level nodes, which parse5's own fragment step moved one at a time (quadratic:
 * a 1 MiB body of `<p>a` repeated took 72 s, past the consumer's session timeout).
 */
describe('a body of many top-level nodes', () => {
  it.each([
    ['closed paragraphs', '<p>a</p>'.repeat(2_000)],
    ['unclosed paragraphs', '<p>a'.repeat(2_000)],
    ['unclosed list items', '<li>a'.repeat(2_000)],
    ['text and line breaks', 'a<br>'.repeat(2_000)],
    ['misnested marks', '<b><p>x</b>y'.repeat(500)],
    ['stray end tags and comments', 'a</x><!-- c -->'.repeat(2_000)],
  ])('gives the tree parse5 gives, for %s', (_what, markup) => {
    expect(shape(parseBodyFragment(markup, { maxOpenElements: 256 }))).toEqual(
      shape(parseFragment(CONTEXT, markup, {})),
    );
  });

  it('of a megabyte normalises completely, each paragraph a block', () => {
    const markup = '<p>a'.repeat(250_000);
    const body = sanitizeBody(markup, 'https://webradio-media.example/a', {
      maxOpenElements: 256,
    });
    expect(body).toHaveLength(250_000);
    expect(body[249_999]).toEqual({ type: 'p', children: [{ type: 'text', text: 'a' }] });
  }, 30_000);
});
