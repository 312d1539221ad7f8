import type { BlockNode, InlineNode } from '../article';
import { bodyToPlainText } from './body-plain-text';
import { sanitizeBody } from './sanitize-body';

const sanitize = (html: string): BlockNode[] => sanitizeBody(html, 'https://example.org/a');
const t = (text: string): InlineNode => ({ type: 'text', text });
const p = (...children: InlineNode[]): BlockNode => ({ type: 'p', children });

describe('hostile and broken markup is neutralised', () => {
  it('reads unclosed tags as a browser does', () => {
    expect(sanitize('<p>un<p>deux<h2>trois</h2>quatre <em>cinq<li>six')).toEqual([
      p(t('un')),
      p(t('deux')),
      { type: 'h2', children: [t('trois')] },
      p(t('quatre '), { type: 'em', children: [t('cinq')] }),
      p({ type: 'em', children: [t('six')] }),
    ]);
    // A <p> does not close an <h2>: the paragraph is inside the heading, on a line of its own.
    expect(sanitize('<h2>trois<p>quatre')).toEqual([
      { type: 'h2', children: [t('trois'), { type: 'br' }, t('quatre')] },
    ]);
  });

  it('reads misnested marks as a browser does (adoption agency)', () => {
    expect(sanitize('<p><b>un <i>deux</b> trois</i></p>')).toEqual([
      p(
        { type: 'strong', children: [t('un '), { type: 'em', children: [t('deux')] }] },
        { type: 'em', children: [t(' trois')] },
      ),
    ]);
  });

  it('flattens nested tables into one paragraph per cell', () => {
    const html =
      '<table><tr><td>a<table><tr><td>b</td><td><table><tr><td>c</td></tr></table></td></tr></table></td>' +
      '<td>d</td></tr></table>';
    expect(sanitize(html)).toEqual([p(t('a')), p(t('b')), p(t('c')), p(t('d'))]);
  });

  it('drops stray table parts and document tags outside a table, keeping their text', () => {
    expect(
      sanitize('<html><head><title>T</title></head><body><tr><td>cellule</td></tr></body></html>'),
    ).toEqual([p(t('cellule'))]);
  });

  it('drops comments, conditional comments and HTML’s bogus CDATA sections', () => {
    expect(
      sanitize(
        '<p>un<!-- secret --> <!--[if IE]><b>ie</b><![endif]-->deux<![CDATA[ trois ]]></p><!-->',
      ),
    ).toEqual([p(t('un deux'))]);
  });

  it('keeps “]]>” and other XML-significant text as text, for renderers to escape', () => {
    expect(sanitize('<p>x ]]&gt; y &lt;/p&gt; &amp; &quot;z&quot; ]]></p>')).toEqual([
      p(t('x ]]> y </p> & "z" ]]>')),
    ]);
  });

  it('lets a <p> inside <svg> break out, as in a browser, and keeps nothing of the svg', () => {
    expect(sanitize('<svg><script>alert(1)</script><p>dehors</svg>')).toEqual([p(t('dehors'))]);
  });

  it('keeps the text after <plaintext> as text, never as markup', () => {
    expect(sanitize('<plaintext><script>alert(1)</script>')).toEqual([
      p(t('<script>alert(1)</script>')),
    ]);
  });

  it('removes NUL bytes and other control characters from body text', () => {
    expect(sanitize('<p>Mi\u0000n\u0001s&#2;k\u000b</p>')).toEqual([p(t('Minsk'))]);
  });

  it('removes lone surrogates and keeps emoji', () => {
    expect(sanitize('<p>a\ud800b 🇧🇾 👩‍👩‍👧 c\udc00</p>')).toEqual([p(t('ab 🇧🇾 👩‍👩‍👧 c'))]);
  });

  it('keeps right-to-left text with its direction marks (the dir attribute goes)', () => {
    expect(sanitize('<p dir="rtl">مينسك\u200f و <bdi>واشنطن</bdi></p>')).toEqual([
      p(t('مينسك\u200f و واشنطن')),
    ]);
  });

  it('composes text split across elements to NFC once merged', () => {
    expect(sanitize('<p>Be<span>\u0301</span>larus</p>')).toEqual([p(t('B\u00e9larus'))]);
  });

  it('survives nesting far deeper than any article, keeping the text and leaving out scripts', () => {
    const depth = 8_000;
    const divs = `${'<div>'.repeat(depth)}fond<script>alert(1)</script> du puits${'</div>'.repeat(depth)}`;
    expect(sanitize(divs)).toEqual([p(t('fond du puits'))]);
    const spans = `<p>${'<span><em>'.repeat(depth)}fond${'</em></span>'.repeat(depth)}</p>`;
    const [block] = sanitize(spans);
    expect(block && bodyToPlainText([block])).toBe('fond');
  });

  it('keeps marks nested as deep as a real article could go, each once', () => {
    // 60 nested <em>: every one of the tidy steps walks each level once, not twice per level.
    let expected: InlineNode = t('fond');
    for (let i = 0; i < 60; i++) expected = { type: 'em', children: [expected] };
    expect(sanitize(`<p>${'<em>'.repeat(60)} fond <br>${'</em>'.repeat(60)}</p>`)).toEqual([
      p(expected),
    ]);
  });

  it('survives a body of 100,000 empty elements in a row', () => {
    expect(sanitize(`<p>a${'<b></b>'.repeat(100_000)}b</p>`)).toEqual([p(t('ab'))]);
  });
});
