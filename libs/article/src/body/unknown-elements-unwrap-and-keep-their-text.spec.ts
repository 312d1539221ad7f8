import type { BlockNode, InlineNode } from '../article';
import { sanitizeBody } from './sanitize-body';

const BASE = 'https://webradio-media.example/international/article';
const sanitize = (html: string): BlockNode[] => sanitizeBody(html, BASE);
const t = (text: string): InlineNode => ({ type: 'text', text });
const p = (...children: InlineNode[]): BlockNode => ({ type: 'p', children });

describe('elements outside the allow-list are unwrapped and their text kept', () => {
  it('unwraps inline wrappers into one text leaf', () => {
    expect(
      sanitize(
        '<p><span class="dropcap">L</span>e <font face="Arial">président</font> <u>du</u> <x-tag>Belarus</x-tag></p>',
      ),
    ).toEqual([p(t('Le président du Belarus'))]);
  });

  it('unwraps div, section and article, keeping the blocks inside', () => {
    expect(
      sanitize(
        '<article><section><div><p>un</p></div><div><div><h2>deux</h2></div></div></section></article>',
      ),
    ).toEqual([p(t('un')), { type: 'h2', children: [t('deux')] }]);
  });

  it('makes loose text in a div a paragraph of its own, apart from the blocks around it', () => {
    // A browser shows "avant", "dedans" and "après" on three lines (anonymous block boxes).
    expect(sanitize('<div>avant<p>dedans</p>après <em>tout</em></div>')).toEqual([
      p(t('avant')),
      p(t('dedans')),
      p(t('après '), { type: 'em', children: [t('tout')] }),
    ]);
  });

  it('makes loose text at the top level a paragraph', () => {
    expect(sanitize('Texte <b>libre</b><h2>Titre</h2>suite')).toEqual([
      p(t('Texte '), { type: 'strong', children: [t('libre')] }),
      { type: 'h2', children: [t('Titre')] },
      p(t('suite')),
    ]);
  });

  it('splits paragraphs at two or more <br> in a row, as CMSs without <p> mark them', () => {
    expect(sanitize('un<br>deux<br><br>trois<br> <br><br>quatre')).toEqual([
      p(t('un'), { type: 'br' }, t('deux')),
      p(t('trois')),
      p(t('quatre')),
    ]);
  });

  it('makes each table cell, caption and definition a paragraph', () => {
    expect(
      sanitize(
        '<table><caption>Bilan</caption><tr><th>Pays</th><td>Bélarus</td></tr></table>' +
          '<dl><dt>Belta</dt><dd>agence officielle</dd></dl>',
      ),
    ).toEqual([
      p(t('Bilan')),
      p(t('Pays')),
      p(t('Bélarus')),
      p(t('Belta')),
      p(t('agence officielle')),
    ]);
  });

  it('puts a line break where blocks meet inside a list item', () => {
    expect(
      sanitize('<ul><li><p>un</p><p>deux</p></li><li>trois<ul><li>a</li><li>b</li></ul></li></ul>'),
    ).toEqual([
      {
        type: 'ul',
        items: [
          [t('un'), { type: 'br' }, t('deux')],
          [t('trois'), { type: 'br' }, t('a'), { type: 'br' }, t('b')],
        ],
      },
    ]);
  });

  it('makes content a list holds outside any <li> an item of its own', () => {
    expect(sanitize('<ul>perdu<li>un</li><div>aussi</div></ul>')).toEqual([
      { type: 'ul', items: [[t('perdu')], [t('un')], [t('aussi')]] },
    ]);
  });

  it('lends the mark of an inline element that holds blocks to each block', () => {
    expect(sanitize('<b><p>un</p><p>deux</p></b>')).toEqual([
      p({ type: 'strong', children: [t('un')] }),
      p({ type: 'strong', children: [t('deux')] }),
    ]);
    expect(sanitize('<a href="/dossier"><div><h3>Dossier</h3>Bélarus</div></a>')).toEqual([
      {
        type: 'h3',
        children: [
          { type: 'a', href: 'https://webradio-media.example/dossier', children: [t('Dossier')] },
        ],
      },
      p({ type: 'a', href: 'https://webradio-media.example/dossier', children: [t('Bélarus')] }),
    ]);
  });

  it('unwraps a link without an href (an anchor)', () => {
    expect(sanitize('<h2><a name="contexte" id="contexte"></a>Contexte</h2>')).toEqual([
      { type: 'h2', children: [t('Contexte')] },
    ]);
  });
});
