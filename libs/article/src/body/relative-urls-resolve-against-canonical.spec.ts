import type { BlockNode } from '../article';
import { NormalisationError } from '../normalisation-error';
import { sanitizeBody } from './sanitize-body';

const CANONICAL = 'https://webradio-media.example/international/loukachenko?utm=x#top';

function hrefOf(href: string): string | undefined {
  const [block] = sanitizeBody(`<p><a href="${href}">lien</a></p>`, CANONICAL);
  const node = block?.type === 'p' ? block.children[0] : undefined;
  return node?.type === 'a' ? node.href : undefined;
}

describe('relative URLs resolve against the canonical URL (WHATWG URL)', () => {
  it.each([
    ['/images/minsk.jpg', 'https://webradio-media.example/images/minsk.jpg'],
    ['belarus', 'https://webradio-media.example/international/belarus'],
    ['../politique/', 'https://webradio-media.example/politique/'],
    ['?page=2', 'https://webradio-media.example/international/loukachenko?page=2'],
    ['#contexte', 'https://webradio-media.example/international/loukachenko?utm=x#contexte'],
    ['//belta.example/fr', 'https://belta.example/fr'],
    ['  /espaces  ', 'https://webradio-media.example/espaces'],
    ['/a b/é', 'https://webradio-media.example/a%20b/%C3%A9'],
    ['HTTPS://Belta.Example/FR', 'https://belta.example/FR'],
    ['http://belta.example/fr', 'http://belta.example/fr'],
  ])('resolves %j to %s', (href, expected) => {
    expect(hrefOf(href)).toBe(expected);
  });

  it('resolves an image src too', () => {
    expect(sanitizeBody('<img src="../images/minsk.jpg" alt="">', CANONICAL)).toEqual([
      {
        type: 'figure',
        image: { src: 'https://webradio-media.example/images/minsk.jpg', alt: '' },
      },
    ]);
  });

  it('ignores a <base> in the body: only the canonical URL is the base', () => {
    expect(
      sanitizeBody('<base href="https://evil.example/"><p><a href="/x">x</a></p>', CANONICAL),
    ).toEqual<BlockNode[]>([
      {
        type: 'p',
        children: [
          {
            type: 'a',
            href: 'https://webradio-media.example/x',
            children: [{ type: 'text', text: 'x' }],
          },
        ],
      },
    ]);
  });

  it.each(['/relative/only', 'ftp://files.example/', 'not a url'])(
    'refuses %j as the base',
    (base) => {
      let error: unknown;
      try {
        sanitizeBody('<p>x</p>', base);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(NormalisationError);
      expect(error).toMatchObject({ field: 'canonicalUrl' });
    },
  );
});
