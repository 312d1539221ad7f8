import type { BlockNode } from '../article';
import { sanitizeBody } from './sanitize-body';

const BASE = 'https://webradio-media.example/international/article';
const sanitize = (html: string): BlockNode[] => sanitizeBody(html, BASE);
const p = (text: string): BlockNode => ({ type: 'p', children: [{ type: 'text', text }] });

describe('the sanitiser removes code, embeds and every attribute outside its allow-list', () => {
  it.each([
    ['script', '<script>alert(1)</script>'],
    ['script with a src', '<script src="https://evil.example/x.js"></script>'],
    ['style', '<style>p { color: red }</style>'],
    ['template', '<template><p>caché</p></template>'],
    ['iframe', '<iframe src="https://video.example/">fallback</iframe>'],
    ['object', '<object data="x.swf"><p>fallback</p></object>'],
    ['embed', '<embed src="x.swf">'],
    ['noscript', '<noscript><p>Activez JavaScript</p></noscript>'],
    ['svg', '<svg><text>dessin</text></svg>'],
    ['svg holding a script', '<svg><script>alert(1)</script></svg>'],
    ['math', '<math><mi>x</mi><mo>=</mo><mn>1</mn></math>'],
    ['head elements', '<title>Titre</title><meta charset="utf-8"><link rel="x" href="y">'],
    [
      'a form and its controls',
      '<form><label>Nom</label><input value="v"><button>Envoyer</button></form>',
    ],
    ['video and audio', '<video src="v.mp4">sans vidéo</video><audio src="a.mp3">sans son</audio>'],
  ])('drops %s with everything inside it', (_name, markup) => {
    expect(sanitize(`<p>avant</p>${markup}<p>après</p>`)).toEqual([p('avant'), p('après')]);
  });

  it('keeps no event handler, style, class or id: the tree has nowhere to put them', () => {
    const html =
      '<p onclick="steal()" onmouseover="steal()" style="color:red" class="x" id="y" data-track="1">' +
      'Texte <em onfocus="steal()">mis</em> <a href="/lien" onclick="steal()" target="_blank" rel="x">en</a> valeur' +
      '</p>';
    expect(sanitize(html)).toEqual([
      {
        type: 'p',
        children: [
          { type: 'text', text: 'Texte ' },
          { type: 'em', children: [{ type: 'text', text: 'mis' }] },
          { type: 'text', text: ' ' },
          {
            type: 'a',
            href: 'https://webradio-media.example/lien',
            children: [{ type: 'text', text: 'en' }],
          },
          { type: 'text', text: ' valeur' },
        ],
      },
    ]);
  });

  it('keeps an image’s src, alt, width and height only, not its onerror', () => {
    const html =
      '<img src="/photo.jpg" alt="Minsk" width="640" height="480" onerror="steal()" onload="steal()" style="x" loading="lazy">';
    expect(sanitize(html)).toEqual([
      {
        type: 'figure',
        image: {
          src: 'https://webradio-media.example/photo.jpg',
          alt: 'Minsk',
          width: 640,
          height: 480,
        },
      },
    ]);
  });

  it('drops an image whose onerror is the only thing it has', () => {
    expect(sanitize('<img src=x:y onerror="alert(1)"><img onerror="alert(1)">')).toEqual([]);
  });

  it('leaves nothing of a mix of hostile markup but its harmless text', () => {
    const html = [
      '<p>un<script>document.write("<p>deux</p>")</script></p>',
      '<div onclick="x()"><svg onload="alert(1)"><a xlink:href="javascript:alert(1)">svg</a></svg>trois</div>',
      '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
      '<a href="javascript:alert(1)" onclick="alert(1)">quatre</a>',
      '<img src="data:image/svg+xml,<svg onload=alert(1)>" onerror="alert(1)">',
    ].join('');
    const result = sanitize(html);
    expect(result).toEqual([p('un'), p('trois'), p('quatre')]);
    expect(JSON.stringify(result)).not.toMatch(/alert|script|onload|onerror/i);
  });
});
