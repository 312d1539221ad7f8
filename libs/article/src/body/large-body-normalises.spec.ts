import { sampleBody } from '@depeche/testing';
import type { BlockNode } from '../article';
import { countWords } from '../word-count';
import { bodyToPlainText } from './body-plain-text';
import { sanitizeBody } from './sanitize-body';

describe('a large body', () => {
  it('normalises a 100 KB body completely (a sanity check of the walk, not a benchmark)', () => {
    // The sample's eleven blocks as markup, with a little noise, repeated past 100 KB.
    const chunk = sampleBody()
      .map((block) => {
        const text =
          block.type === 'p' || block.type === 'h2' || block.type === 'h3'
            ? block.children.map((c) => (c.type === 'text' ? c.text : '')).join('')
            : '';
        return `<${block.type} class="x"><span>${text}</span><!-- c --></${block.type}>\n`;
      })
      .join('');
    const copies = Math.ceil(100_000 / Buffer.byteLength(chunk));
    const html = `<div>${chunk.repeat(copies)}</div>`;
    expect(Buffer.byteLength(html)).toBeGreaterThan(100_000);

    const body = sanitizeBody(html, 'https://webradio-media.example/a');

    const expected: BlockNode[] = Array.from({ length: copies }, () => sampleBody()).flat();
    expect(body).toHaveLength(11 * copies);
    expect(body).toEqual(expected);
    expect(countWords(bodyToPlainText(body))).toBe(
      copies * countWords(bodyToPlainText(sampleBody())),
    );
  });
});
