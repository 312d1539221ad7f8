import type { BlockNode, InlineNode } from '../article';
import { sanitizeBody } from './sanitize-body';

const BASE = 'https://webradio-media.example/international/article';
const sanitize = (html: string): BlockNode[] => sanitizeBody(html, BASE);
const t = (text: string): InlineNode => ({ type: 'text', text });

describe('the sanitiser keeps the allowed blocks and marks', () => {
  it('keeps paragraphs, headings h2–h4 and their order', () => {
    expect(sanitize('<p>un</p><h2>deux</h2><h3>trois</h3><h4>quatre</h4><p>cinq</p>')).toEqual([
      { type: 'p', children: [t('un')] },
      { type: 'h2', children: [t('deux')] },
      { type: 'h3', children: [t('trois')] },
      { type: 'h4', children: [t('quatre')] },
      { type: 'p', children: [t('cinq')] },
    ]);
  });

  it('keeps a blockquote of blocks, its loose text made a paragraph', () => {
    expect(sanitize('<blockquote><p>« Il est temps »</p>a-t-il dit</blockquote>')).toEqual([
      {
        type: 'blockquote',
        children: [
          { type: 'p', children: [t('« Il est temps »')] },
          { type: 'p', children: [t('a-t-il dit')] },
        ],
      },
    ]);
  });

  it('keeps nested blockquotes', () => {
    expect(sanitize('<blockquote><blockquote><p>cité</p></blockquote></blockquote>')).toEqual([
      {
        type: 'blockquote',
        children: [{ type: 'blockquote', children: [{ type: 'p', children: [t('cité')] }] }],
      },
    ]);
  });

  it('keeps unordered and ordered lists as items of inline content', () => {
    expect(
      sanitize(
        '<ul><li>Minsk</li><li><em>Washington</em></li></ul><ol><li>un</li><li>deux</li></ol>',
      ),
    ).toEqual([
      { type: 'ul', items: [[t('Minsk')], [{ type: 'em', children: [t('Washington')] }]] },
      { type: 'ol', items: [[t('un')], [t('deux')]] },
    ]);
  });

  it('keeps a figure: its image and the text of its caption', () => {
    const html =
      '<figure><img src="https://cdn.example/minsk.jpg" alt="Minsk" width="1200" height="800">' +
      '<figcaption>Alexandre Loukachenko à <em>Minsk</em></figcaption></figure>';
    expect(sanitize(html)).toEqual([
      {
        type: 'figure',
        image: { src: 'https://cdn.example/minsk.jpg', alt: 'Minsk', width: 1200, height: 800 },
        caption: [t('Alexandre Loukachenko à '), { type: 'em', children: [t('Minsk')] }],
      },
    ]);
  });

  it('keeps em and strong, reading i as em and b as strong', () => {
    expect(sanitize('<p><em>a</em> <i>b</i> <strong>c</strong> <b>d</b></p>')).toEqual([
      {
        type: 'p',
        children: [
          { type: 'em', children: [t('a')] },
          t(' '),
          { type: 'em', children: [t('b')] },
          t(' '),
          { type: 'strong', children: [t('c')] },
          t(' '),
          { type: 'strong', children: [t('d')] },
        ],
      },
    ]);
  });

  it('keeps nested marks and a link with an absolute href', () => {
    expect(
      sanitize(
        '<p><strong>Belta <a href="https://belta.example/fr"><em>le site</em></a></strong></p>',
      ),
    ).toEqual([
      {
        type: 'p',
        children: [
          {
            type: 'strong',
            children: [
              t('Belta '),
              {
                type: 'a',
                href: 'https://belta.example/fr',
                children: [{ type: 'em', children: [t('le site')] }],
              },
            ],
          },
        ],
      },
    ]);
  });

  it('keeps a mailto link', () => {
    expect(sanitize('<p><a href="mailto:redaction@webradio-media.example">Écrire</a></p>')).toEqual(
      [
        {
          type: 'p',
          children: [
            { type: 'a', href: 'mailto:redaction@webradio-media.example', children: [t('Écrire')] },
          ],
        },
      ],
    );
  });

  it('keeps a single <br> as a line break inside its block', () => {
    expect(sanitize('<p>Minsk,<br>4 juillet</p>')).toEqual([
      { type: 'p', children: [t('Minsk,'), { type: 'br' }, t('4 juillet')] },
    ]);
  });

  it('gives an empty body no blocks', () => {
    expect(sanitize('')).toEqual([]);
    expect(sanitize('  \n\t ')).toEqual([]);
  });
});
