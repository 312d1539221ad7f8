import type { InlineNode } from '../article';
import { collapseHtmlWhitespace } from '../text';
import { toNfc } from '../text/nfc';
import { append } from './html-tree';
import { hasVisibleText } from './inline-text';

/**
 * Inline content as a browser renders it (CSS Text 3 §4.1.1, `white-space: normal`): each run of
 * HTML whitespace is one space, also across element edges (`a <em> b</em>` is `a `, `b`), and no
 * space is left at the start or end of a line, that is at the block's edges or next to a <br>.
 * Then empty text and marks go, marks around nothing but whitespace are unwrapped, adjacent text
 * merges into one leaf (NFC again, as a combining mark may have been in the next leaf), and
 * <br> at the block's edges is removed.
 */
export function tidyInline(nodes: readonly InlineNode[]): InlineNode[] {
  const collapsed = mapText(nodes, collapseHtmlWhitespace);
  const spaced = dropSpacesBefore(dropSpacesAfter(collapsed, { afterSpace: true }), {
    beforeBreak: true,
  });
  return trimBreaks(merge(prune(spaced)));
}

/** For one-line blocks (headings, list items, captions): a run of <br> is one line break. */
export function tidyLine(nodes: readonly InlineNode[]): InlineNode[] {
  return collapseBreaks(tidyInline(nodes));
}

/**
 * A paragraph split where it holds two or more <br> in a row: how CMSs without <p> mark
 * paragraphs, and what a reader sees as a paragraph break.
 */
export function splitParagraphs(nodes: readonly InlineNode[]): InlineNode[][] {
  const parts: InlineNode[][] = [];
  let part: InlineNode[] = [];
  let breaks = 0;
  for (const node of tidyInline(nodes)) {
    if (node.type === 'br') {
      breaks++;
      continue;
    }
    if (breaks >= 2) {
      parts.push(part);
      part = [];
    } else if (breaks === 1) part.push({ type: 'br' });
    breaks = 0;
    part.push(node);
  }
  parts.push(part);
  return parts.map(tidyInline).filter(hasVisibleText);
}

function mapText(nodes: readonly InlineNode[], map: (text: string) => string): InlineNode[] {
  return nodes.map((node) => {
    switch (node.type) {
      case 'text': {
        // Nodes are never mutated, so an unchanged one is shared rather than copied.
        const text = map(node.text);
        return text === node.text ? node : { type: 'text', text };
      }
      case 'br':
        return node;
      case 'em':
      case 'strong':
      case 'a':
        return { ...node, children: mapText(node.children, map) };
    }
  });
}

/** Forward pass: a space right after a space or at the start of a line goes. */
function dropSpacesAfter(
  nodes: readonly InlineNode[],
  state: { afterSpace: boolean },
): InlineNode[] {
  return nodes.map((node) => {
    switch (node.type) {
      case 'text': {
        const drop = state.afterSpace && node.text.startsWith(' ');
        const text = drop ? node.text.slice(1) : node.text;
        if (text) state.afterSpace = text.endsWith(' ');
        return drop ? { type: 'text', text } : node;
      }
      case 'br':
        state.afterSpace = true;
        return node;
      case 'em':
      case 'strong':
      case 'a':
        return { ...node, children: dropSpacesAfter(node.children, state) };
    }
  });
}

/** Backward pass: a space at the end of a line (before a <br> or the block's end) goes. */
function dropSpacesBefore(
  nodes: readonly InlineNode[],
  state: { beforeBreak: boolean },
): InlineNode[] {
  const out: InlineNode[] = [];
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i] as InlineNode;
    switch (node.type) {
      case 'text': {
        const drop = state.beforeBreak && node.text.endsWith(' ');
        const text = drop ? node.text.slice(0, -1) : node.text;
        if (text) state.beforeBreak = false;
        out.push(drop ? { type: 'text', text } : node);
        break;
      }
      case 'br':
        state.beforeBreak = true;
        out.push(node);
        break;
      case 'em':
      case 'strong':
      case 'a':
        out.push({ ...node, children: dropSpacesBefore(node.children, state) });
        break;
    }
  }
  return out.reverse();
}

function prune(nodes: readonly InlineNode[]): InlineNode[] {
  // A loop rather than flatMap: no array per node, on the walk's hottest path.
  const out: InlineNode[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        if (node.text) out.push(node);
        break;
      case 'br':
        out.push(node);
        break;
      case 'em':
      case 'strong':
      case 'a': {
        const children = prune(node.children);
        if (hasVisibleText(children)) out.push({ ...node, children });
        else append(out, children);
        break;
      }
    }
  }
  return out;
}

function merge(nodes: readonly InlineNode[]): InlineNode[] {
  const out: InlineNode[] = [];
  let text: string | undefined;
  const flush = (): void => {
    if (text !== undefined) out.push({ type: 'text', text: toNfc(text) });
    text = undefined;
  };
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        text = (text ?? '') + node.text;
        break;
      case 'br':
        flush();
        out.push(node);
        break;
      case 'em':
      case 'strong':
      case 'a':
        flush();
        out.push({ ...node, children: merge(node.children) });
        break;
    }
  }
  flush();
  return out;
}

/** <br> at the block's edges goes, also at the edges of a mark that starts or ends the block. */
function trimBreaks(nodes: readonly InlineNode[]): InlineNode[] {
  return trimTrailingBreaks(trimLeadingBreaks(nodes));
}

function trimLeadingBreaks(nodes: readonly InlineNode[]): InlineNode[] {
  let start = 0;
  while (nodes[start]?.type === 'br') start++;
  const out = nodes.slice(start);
  const first = out[0];
  if (first && first.type !== 'text' && first.type !== 'br') {
    out[0] = { ...first, children: trimLeadingBreaks(first.children) };
  }
  return out;
}

function trimTrailingBreaks(nodes: readonly InlineNode[]): InlineNode[] {
  let end = nodes.length;
  while (end > 0 && nodes[end - 1]?.type === 'br') end--;
  const out = nodes.slice(0, end);
  const last = out[end - 1];
  if (last && last.type !== 'text' && last.type !== 'br') {
    out[end - 1] = { ...last, children: trimTrailingBreaks(last.children) };
  }
  return out;
}

function collapseBreaks(nodes: readonly InlineNode[]): InlineNode[] {
  return nodes.flatMap((node, i): InlineNode[] => {
    switch (node.type) {
      case 'br':
        return nodes[i - 1]?.type === 'br' ? [] : [node];
      case 'text':
        return [node];
      case 'em':
      case 'strong':
      case 'a':
        return [{ ...node, children: collapseBreaks(node.children) }];
    }
  });
}
