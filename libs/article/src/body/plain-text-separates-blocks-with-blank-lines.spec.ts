import type { BlockNode } from '../article';
import { bodyToPlainText } from './body-plain-text';

describe('the body as plain text', () => {
  it('separates paragraphs, headings, list items and quoted blocks with a blank line', () => {
    const body: BlockNode[] = [
      { type: 'h2', children: [{ type: 'text', text: 'Contexte' }] },
      {
        type: 'p',
        children: [
          { type: 'text', text: 'Le président ' },
          { type: 'strong', children: [{ type: 'text', text: 'Loukachenko' }] },
          { type: 'text', text: ', selon ' },
          {
            type: 'a',
            href: 'https://belta.example/',
            children: [{ type: 'em', children: [{ type: 'text', text: 'Belta' }] }],
          },
          { type: 'text', text: '.' },
        ],
      },
      {
        type: 'ul',
        items: [[{ type: 'text', text: 'Minsk' }], [{ type: 'text', text: 'Washington' }]],
      },
      {
        type: 'blockquote',
        children: [{ type: 'p', children: [{ type: 'text', text: '«Il est temps»' }] }],
      },
      {
        type: 'p',
        children: [
          { type: 'text', text: 'Minsk,' },
          { type: 'br' },
          { type: 'text', text: '4 juillet' },
        ],
      },
    ];
    expect(bodyToPlainText(body)).toBe(
      'Contexte\n\nLe président Loukachenko, selon Belta.\n\nMinsk\n\nWashington\n\n«Il est temps»\n\nMinsk,\n4 juillet',
    );
  });

  it('leaves figures out, captions included: plain text cannot show the image', () => {
    const body: BlockNode[] = [
      { type: 'p', children: [{ type: 'text', text: 'avant' }] },
      {
        type: 'figure',
        image: { src: 'https://cdn.example/minsk.jpg', alt: 'Minsk' },
        caption: [{ type: 'text', text: 'Légende' }],
      },
      { type: 'p', children: [{ type: 'text', text: 'après' }] },
    ];
    expect(bodyToPlainText(body)).toBe('avant\n\naprès');
  });

  it('is empty for an empty body', () => {
    expect(bodyToPlainText([])).toBe('');
  });
});
