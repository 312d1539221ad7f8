import type { BlockNode, InlineNode } from '../article';
import { append } from './html-tree';
import { splitParagraphs } from './inline-tidy';
import type { Walk } from './walk';

/**
 * Where block context puts what it finds. Inline content accumulates into one run, across the
 * edges of inline elements (`quatre <em>cinq<li>six</li></em>` reads "quatre cinq", then "six"),
 * and becomes paragraphs when a block comes or the context ends, as a browser's anonymous block
 * boxes do. Figures hoisted out of inline content follow the block that held them.
 */
export class BlockSink {
  readonly blocks: BlockNode[] = [];
  private run: InlineNode[] = [];

  constructor(private readonly walk: Walk) {}

  addInline(nodes: readonly InlineNode[]): void {
    append(this.run, nodes);
  }

  /** Call flush() first: the figures hoisted since then came from these blocks. */
  addBlocks(blocks: readonly BlockNode[]): void {
    append(this.blocks, blocks);
    append(this.blocks, this.walk.hoisted.splice(0));
  }

  flush(): void {
    const paragraphs = splitParagraphs(this.run).map((children): BlockNode => ({
      type: 'p',
      children,
    }));
    append(this.blocks, paragraphs);
    this.run = [];
    append(this.blocks, this.walk.hoisted.splice(0));
  }
}
