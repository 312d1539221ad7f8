import type { InlineNode } from '../article';
import { attribute, type HtmlElement } from './html-tree';
import { linkUrl } from './safe-url';
import type { Scope } from './walk';

export type Mark = (children: InlineNode[]) => InlineNode;

/**
 * The allowed mark an inline element makes: <i> is em and <b> is strong (what CMS editors mean by
 * them), <a> only with a safe href and outside another link. Anything else is unwrapped.
 */
export function markOf(element: HtmlElement, base: URL, scope: Scope): Mark | undefined {
  switch (element.tagName) {
    case 'em':
    case 'i':
      return (children) => ({ type: 'em', children });
    case 'strong':
    case 'b':
      return (children) => ({ type: 'strong', children });
    case 'a': {
      const href = scope.inLink ? undefined : linkUrl(attribute(element, 'href'), base);
      return href === undefined ? undefined : (children) => ({ type: 'a', href, children });
    }
    default:
      return undefined;
  }
}

/** The scope for an element's content: one level deeper, and inside a link if it made one. */
export function innerScope(element: HtmlElement, scope: Scope, mark: Mark | undefined): Scope {
  return {
    depth: scope.depth + 1,
    inLink: scope.inLink || (element.tagName === 'a' && mark !== undefined),
  };
}
