import type { BlockNode } from '../article';
import { NormalisationError } from '../normalisation-error';
import { blockContent } from './block-content';
import { parseBodyFragment, type BodyLimits } from './html-tree';
import { blockBearingElements } from './tree-scan';
import type { Walk } from './walk';

/**
 * The CMS's HTML body as the model's block tree. parse5 parses it as a browser would (unclosed
 * and misnested tags, entities, comments); the tree is then rebuilt from an allow-list, so that
 * nothing but text, the allowed elements and their href/src/alt/width/height can come through:
 * event handlers, styles and classes are never copied. Relative URLs resolve against `baseUrl`,
 * the article's canonical URL.
 *
 * @throws NormalisationError (`canonicalUrl`) when `baseUrl` is not an absolute http(s) URL, and
 * (`body`) when the body goes beyond `limits`.
 */
export function sanitizeBody(html: string, baseUrl: string, limits: BodyLimits = {}): BlockNode[] {
  const base = httpBase(baseUrl);
  const fragment = parseBodyFragment(html, limits);
  const walk: Walk = {
    base,
    blockBearing: blockBearingElements(fragment),
    consumed: new Set(),
    hoisted: [],
  };
  return blockContent(fragment.childNodes, walk, { depth: 0, inLink: false });
}

function httpBase(baseUrl: string): URL {
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    throw new NormalisationError('canonicalUrl', 'not an absolute URL');
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new NormalisationError('canonicalUrl', `${base.protocol} is not http(s)`);
  }
  return base;
}
