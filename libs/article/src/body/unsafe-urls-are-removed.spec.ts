import type { BlockNode } from '../article';
import { sanitizeBody } from './sanitize-body';

const BASE = 'https://webradio-media.example/international/article';
const sanitize = (html: string): BlockNode[] => sanitizeBody(html, BASE);

describe('links and images keep only http(s) URLs (and mailto for links)', () => {
  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: in mixed case', 'JaVaScRiPt:alert(1)'],
    ['javascript: after spaces', '   javascript:alert(1)'],
    ['javascript: split by an encoded tab', 'java&#x09;script:alert(1)'],
    ['javascript: split by an encoded newline', 'java&#10;script:alert(1)'],
    ['javascript: written as character references', '&#106;&#97;vascript:alert(1)'],
    ['javascript: behind a control character', '&#1;javascript:alert(1)'],
    ['vbscript:', 'VBScript:MsgBox(1)'],
    ['data:', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['file:', 'file:///etc/passwd'],
    ['ftp:', 'ftp://files.example/x'],
    ['tel:', 'tel:+33100000000'],
    ['an empty href', ''],
    ['a blank href', '  '],
    ['an unparsable URL', 'http://[::1'],
  ])('makes a link to %s its text', (_name, href) => {
    expect(sanitize(`<p>Voir <a href="${href}">le <em>lien</em></a>.</p>`)).toEqual([
      {
        type: 'p',
        children: [
          { type: 'text', text: 'Voir le ' },
          { type: 'em', children: [{ type: 'text', text: 'lien' }] },
          { type: 'text', text: '.' },
        ],
      },
    ]);
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:image/png;base64,iVBORw0KGgo='],
    ['mailto:', 'mailto:a@example.org'],
    ['no src at all', undefined],
  ])('drops an image whose src is %s', (_name, src) => {
    const attr = src === undefined ? '' : ` src="${src}"`;
    expect(sanitize(`<p>texte</p><img${attr} alt="x"><figure><img${attr}></figure>`)).toEqual([
      { type: 'p', children: [{ type: 'text', text: 'texte' }] },
    ]);
  });

  it('does not nest links: an inner link is its text', () => {
    // A table cell is the one place where the HTML parser leaves an <a> open inside another.
    expect(
      sanitize('<a href="/un">un <table><tr><td><a href="/deux">deux</a></td></tr></table></a>'),
    ).toEqual([
      {
        type: 'p',
        children: [
          {
            type: 'a',
            href: 'https://webradio-media.example/un',
            children: [{ type: 'text', text: 'un' }],
          },
        ],
      },
      {
        type: 'p',
        children: [
          {
            type: 'a',
            href: 'https://webradio-media.example/un',
            children: [{ type: 'text', text: 'deux' }],
          },
        ],
      },
    ]);
  });
});
