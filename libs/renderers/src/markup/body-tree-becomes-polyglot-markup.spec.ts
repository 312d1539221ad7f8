import type { BlockNode } from '@depeche/article';
import { checkWellFormed, readHtmlTexts, sampleArticle } from '@depeche/testing';
import { bodyHtml } from './html-body';
import { xhtmlDocument } from './xhtml-document';

const body: BlockNode[] = [
  {
    type: 'p',
    children: [
      { type: 'text', text: 'Un ' },
      { type: 'em', children: [{ type: 'text', text: 'mot' }] },
      { type: 'text', text: ' et ' },
      { type: 'strong', children: [{ type: 'text', text: 'un autre' }] },
      { type: 'br' },
      {
        type: 'a',
        href: 'https://example.org/?a=1&b=2',
        children: [{ type: 'text', text: 'lien' }],
      },
    ],
  },
  { type: 'p', children: [] },
  { type: 'h2', children: [{ type: 'text', text: '<script>alert("x")</script> & ]]>' }] },
  {
    type: 'blockquote',
    children: [{ type: 'p', children: [{ type: 'text', text: '« Citation »' }] }],
  },
  { type: 'ol', items: [[{ type: 'text', text: 'un' }], [{ type: 'text', text: "l'autre" }]] },
  {
    type: 'figure',
    image: { src: 'https://example.org/i.jpg', alt: 'Vue "de" Minsk', width: 640 },
    caption: [{ type: 'text', text: 'Minsk' }],
  },
];

describe('the body tree as markup', () => {
  const html = bodyHtml(sampleArticle({ body }));

  it('is written by the builder, every element closed, br and img self-closed, text escaped', () => {
    expect(html).toBe(
      '<p>Un <em>mot</em> et <strong>un autre</strong><br/><a href="https://example.org/?a=1&amp;b=2">lien</a></p>' +
        '<p></p>' +
        '<h2>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ]]&gt;</h2>' +
        '<blockquote><p>« Citation »</p></blockquote>' +
        '<ol><li>un</li><li>l&apos;autre</li></ol>' +
        '<figure><img src="https://example.org/i.jpg" alt="Vue &quot;de&quot; Minsk" width="640"/><figcaption>Minsk</figcaption></figure>',
    );
  });

  it('reads back the same as HTML (libxml2 HTML parser) and is well-formed XHTML', async () => {
    const [read] = await readHtmlTexts([html]);
    expect(read?.blocks).toEqual([
      'Un mot et un autrelien',
      '',
      '<script>alert("x")</script> & ]]>',
      '« Citation »',
      'un',
      "l'autre",
      'Minsk',
    ]);
    const xhtml = xhtmlDocument(sampleArticle({ body }));
    expect(await checkWellFormed(xhtml)).toEqual(expect.objectContaining({ ok: true }));
  });
});
