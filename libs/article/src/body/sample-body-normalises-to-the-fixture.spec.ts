import { sampleBody, sampleLines } from '@depeche/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BlockNode } from '../article';
import { bodyToPlainText } from './body-plain-text';
import { sanitizeBody } from './sanitize-body';

const CANONICAL_URL =
  'https://webradio-media.example/international/loukachenko-appelle-a-normaliser-les-relations-avec-les-etats-unis';
const BODY_HTML = readFileSync(
  join(__dirname, '../../../../fixtures/sample-article.body.html'),
  'utf8',
);
// fixtures/README.md: p, p, h2, h3, p, h3, p, h3, p, p, p.
const BODY_LINES = [9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29];

function textOf(block: BlockNode): string {
  if (block.type !== 'p' && block.type !== 'h2' && block.type !== 'h3') {
    throw new Error(`unexpected ${block.type}`);
  }
  return block.children.map((node) => (node.type === 'text' ? node.text : '')).join('');
}

describe('the sample body as the CMS sends it', () => {
  const body = sanitizeBody(BODY_HTML, CANONICAL_URL);

  it('normalises to exactly the expected blocks: scripts, handlers, wrappers and spacers gone', () => {
    expect(body).toEqual(sampleBody());
  });

  it('keeps every character of the fixture, byte for byte (entities decoded, « » ’ intact)', () => {
    const lines = sampleLines();
    expect(body).toHaveLength(BODY_LINES.length);
    BODY_LINES.forEach((n, i) => {
      const block = body[i] as BlockNode;
      expect(Buffer.from(textOf(block), 'utf8')).toEqual(Buffer.from(lines[n] ?? '', 'utf8'));
    });
  });

  it('reads as the fixture’s body lines separated by blank lines', () => {
    const expected = BODY_LINES.map((n) => sampleLines()[n]).join('\n\n');
    expect(Buffer.from(bodyToPlainText(body))).toEqual(Buffer.from(expected));
  });

  it('really is messy: the markup holds what must go', () => {
    // Guards the test above against a fixture that would pass for being already clean.
    for (const needle of ['<script', 'onclick=', '<span class', '&eacute;', '&#x2019;', '&nbsp;']) {
      expect(BODY_HTML).toContain(needle);
    }
  });
});
