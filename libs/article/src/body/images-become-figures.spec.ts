import type { BlockNode, InlineNode } from '../article';
import { sanitizeBody } from './sanitize-body';

const BASE = 'https://webradio-media.example/international/article';
const sanitize = (html: string): BlockNode[] => sanitizeBody(html, BASE);
const t = (text: string): InlineNode => ({ type: 'text', text });
const MINSK = 'https://cdn.example/minsk.jpg';

describe('images become figures', () => {
  it('makes an <img> outside a figure a figure without a caption', () => {
    expect(sanitize(`<p>avant</p><img src="${MINSK}" alt="Minsk"><p>après</p>`)).toEqual([
      { type: 'p', children: [t('avant')] },
      { type: 'figure', image: { src: MINSK, alt: 'Minsk' } },
      { type: 'p', children: [t('après')] },
    ]);
  });

  it('moves an image out of a paragraph to a figure right after it', () => {
    expect(sanitize(`<p>Le président <img src="${MINSK}" alt="">à Minsk</p><p>suite</p>`)).toEqual([
      { type: 'p', children: [t('Le président à Minsk')] },
      { type: 'figure', image: { src: MINSK, alt: '' } },
      { type: 'p', children: [t('suite')] },
    ]);
  });

  it('finds a figure’s image inside <picture> or a link, and drops the <source>s', () => {
    const html =
      `<figure><a href="/grand.jpg"><picture><source srcset="x.webp" type="image/webp">` +
      `<img src="${MINSK}" alt="Minsk"></picture></a><figcaption>Minsk</figcaption></figure>`;
    expect(sanitize(html)).toEqual([
      { type: 'figure', image: { src: MINSK, alt: 'Minsk' }, caption: [t('Minsk')] },
    ]);
  });

  it('keeps what else a figure holds after it: more images, loose text', () => {
    const html = `<figure><img src="${MINSK}"><img src="/deux.jpg">Crédit : Belta</figure>`;
    expect(sanitize(html)).toEqual([
      { type: 'figure', image: { src: MINSK, alt: '' } },
      { type: 'figure', image: { src: 'https://webradio-media.example/deux.jpg', alt: '' } },
      { type: 'p', children: [t('Crédit : Belta')] },
    ]);
  });

  it('unwraps a figure without a usable image, keeping a quotation and its caption', () => {
    const html =
      '<figure><blockquote><p>Il est temps de la changer</p></blockquote>' +
      '<figcaption>Alexandre Loukachenko</figcaption></figure>';
    expect(sanitize(html)).toEqual([
      {
        type: 'blockquote',
        children: [{ type: 'p', children: [t('Il est temps de la changer')] }],
      },
      { type: 'p', children: [t('Alexandre Loukachenko')] },
    ]);
  });

  it('leaves out a caption with no text', () => {
    expect(
      sanitize(`<figure><img src="${MINSK}"><figcaption> &nbsp; </figcaption></figure>`),
    ).toEqual([{ type: 'figure', image: { src: MINSK, alt: '' } }]);
  });

  it('keeps width and height only as whole pixels', () => {
    expect(
      sanitize(
        `<img src="${MINSK}" width="100%" height="auto">` +
          `<img src="${MINSK}" width=" 640 " height="0">` +
          `<img src="${MINSK}" width="100001" height="1.5">`,
      ),
    ).toEqual([
      { type: 'figure', image: { src: MINSK, alt: '' } },
      { type: 'figure', image: { src: MINSK, alt: '', width: 640 } },
      { type: 'figure', image: { src: MINSK, alt: '' } },
    ]);
  });

  it('decodes and tidies alt text', () => {
    expect(
      sanitize(
        `<img src="${MINSK}" alt="  Le pr&eacute;sident\n  &laquo;&#160;Loukachenko&#160;&raquo; ">`,
      ),
    ).toEqual([
      { type: 'figure', image: { src: MINSK, alt: 'Le président «\u00a0Loukachenko\u00a0»' } },
    ]);
  });
});
