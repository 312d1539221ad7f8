import type { BlockNode } from '../article';
import { sanitizeBody } from './sanitize-body';

const sanitize = (html: string): BlockNode[] => sanitizeBody(html, 'https://example.org/a');
const heading = (type: 'h2' | 'h3' | 'h4', text: string): BlockNode => ({
  type,
  children: [{ type: 'text', text }],
});

describe('headings shift into h2–h4', () => {
  it('makes h1 an h2: the page’s h1 is the headline', () => {
    expect(sanitize('<h1>Titre</h1>')).toEqual([heading('h2', 'Titre')]);
  });

  it('makes h5 and h6 an h4, the deepest level kept', () => {
    expect(sanitize('<h5>cinq</h5><h6>six</h6>')).toEqual([
      heading('h4', 'cinq'),
      heading('h4', 'six'),
    ]);
  });

  it('drops a heading with no text, and collapses a run of <br> in one to a single break', () => {
    expect(sanitize('<h2> <br> </h2><h3>un<br><br><br>deux</h3>')).toEqual([
      {
        type: 'h3',
        children: [{ type: 'text', text: 'un' }, { type: 'br' }, { type: 'text', text: 'deux' }],
      },
    ]);
  });
});
