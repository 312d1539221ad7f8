import { isBlockLevel, kindOf } from './element-kinds';
import { isElement, isText, type HtmlElement, type HtmlFragment, type HtmlNode } from './html-tree';

/**
 * The elements with block-level content somewhere inside (`<a href><div>…</div></a>`,
 * `<b><p>…</p></b>`): in block context these are laid out as blocks, not as one inline run.
 * One iterative pass, children before parents, so that hostile nesting cannot exhaust the stack.
 */
export function blockBearingElements(fragment: HtmlFragment): ReadonlySet<HtmlElement> {
  const preorder: HtmlElement[] = [];
  const stack: HtmlNode[] = [...fragment.childNodes];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (!isElement(node) || kindOf(node) === 'dropped') continue;
    preorder.push(node);
    for (const child of node.childNodes) stack.push(child);
  }
  const bearing = new Set<HtmlElement>();
  for (let i = preorder.length - 1; i >= 0; i--) {
    const element = preorder[i] as HtmlElement;
    const holdsBlock = element.childNodes.some(
      (child) => isBlockLevel(child) || (isElement(child) && bearing.has(child)),
    );
    if (holdsBlock) bearing.add(element);
  }
  return bearing;
}

/**
 * The text of an element nested too deeply to walk, without what the sanitiser drops (a <script>
 * stays out) and with a space where blocks meet, so that words do not run together.
 */
export function flatText(element: HtmlElement): string {
  const parts: string[] = [];
  const stack: (HtmlNode | ' ')[] = [element];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (item === ' ') parts.push(' ');
    else if (isText(item)) parts.push(item.value);
    else if (isElement(item) && kindOf(item) !== 'dropped') {
      const block = isBlockLevel(item);
      if (block) stack.push(' ');
      for (let i = item.childNodes.length - 1; i >= 0; i--)
        stack.push(item.childNodes[i] as HtmlNode);
      if (block) stack.push(' ');
    }
  }
  return parts.join('');
}

/** The first element in document order, not inside a dropped one, that `test` accepts. */
export function findElement(
  root: HtmlElement,
  test: (element: HtmlElement) => boolean,
): HtmlElement | undefined {
  const stack: HtmlNode[] = [...root.childNodes].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (!isElement(node) || kindOf(node) === 'dropped') continue;
    if (test(node)) return node;
    for (let i = node.childNodes.length - 1; i >= 0; i--)
      stack.push(node.childNodes[i] as HtmlNode);
  }
  return undefined;
}
