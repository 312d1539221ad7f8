import type { BlockNode, InlineNode } from '../article';
import { sanitizeBody } from './sanitize-body';

const sanitize = (html: string): BlockNode[] => sanitizeBody(html, 'https://example.org/a');
const t = (text: string): InlineNode => ({ type: 'text', text });
const em = (...children: InlineNode[]): InlineNode => ({ type: 'em', children });
const p = (...children: InlineNode[]): BlockNode => ({ type: 'p', children });

describe('whitespace collapses as a browser renders it', () => {
  it('makes each run of spaces, tabs, newlines, CR and FF one space', () => {
    expect(sanitize('<p>un \t\n deux\r\n\r\ntrois\fquatre     cinq</p>')).toEqual([
      p(t('un deux trois quatre cinq')),
    ]);
  });

  it('trims whitespace at the edges of a block', () => {
    expect(sanitize('<p>\n   Minsk   \n</p><h2>  Titre </h2><ul><li> un </li></ul>')).toEqual([
      p(t('Minsk')),
      { type: 'h2', children: [t('Titre')] },
      { type: 'ul', items: [[t('un')]] },
    ]);
  });

  it('collapses across element edges, keeping the first space', () => {
    expect(sanitize('<p>un <em> deux </em> trois</p>')).toEqual([
      p(t('un '), em(t('deux ')), t('trois')),
    ]);
  });

  it('trims inside marks at the edges of a block', () => {
    expect(sanitize('<p><em> début</em> milieu <strong>fin </strong></p>')).toEqual([
      p(em(t('début')), t(' milieu '), { type: 'strong', children: [t('fin')] }),
    ]);
  });

  it('removes spaces around a line break', () => {
    expect(sanitize('<p>un <br> deux</p>')).toEqual([p(t('un'), { type: 'br' }, t('deux'))]);
  });

  it('makes a mark holding only a space that space', () => {
    expect(sanitize('<p>un<em> </em>deux</p>')).toEqual([p(t('un deux'))]);
  });

  it('keeps no-break spaces (U+00A0) and narrow no-break spaces (U+202F) exactly, even at edges', () => {
    expect(
      sanitize(
        '<p>&nbsp;«\u202FBonjour\u202F!\u202F»&nbsp;: oui&#160;; <em>\u00a0</em>non\u00a0?</p>',
      ),
    ).toEqual([p(t('\u00a0«\u202fBonjour\u202f!\u202f»\u00a0: oui\u00a0; \u00a0non\u00a0?'))]);
  });

  it('drops blocks with nothing visible: empty, whitespace, no-break spaces, line breaks', () => {
    expect(
      sanitize(
        '<p></p><p> </p><p>&nbsp;</p><p>\u202f</p><p><br><br></p><h3><em> </em></h3><ul><li></li></ul><blockquote> </blockquote><div>  </div>',
      ),
    ).toEqual([]);
  });
});
