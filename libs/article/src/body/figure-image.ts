import type { BlockNode, FigureImage } from '../article';
import { cleanLine } from '../text';
import { attribute, type HtmlElement } from './html-tree';
import { imageUrl } from './safe-url';

/** An <img> with a usable http(s) src; `alt` defaults to empty, as for a decorative image. */
export function figureImage(element: HtmlElement, base: URL): FigureImage | undefined {
  const src = imageUrl(attribute(element, 'src'), base);
  if (src === undefined) return undefined;
  const width = dimension(attribute(element, 'width'));
  const height = dimension(attribute(element, 'height'));
  return {
    src,
    alt: cleanLine(attribute(element, 'alt') ?? ''),
    ...(width === undefined ? {} : { width }),
    ...(height === undefined ? {} : { height }),
  };
}

/** An <img> outside a <figure> is a figure without a caption; one without a usable src is gone. */
export function figureOfImage(element: HtmlElement, base: URL): BlockNode[] {
  const image = figureImage(element, base);
  return image ? [{ type: 'figure', image }] : [];
}

/** Pixels as a plain integer (the same bounds as the contract's image DTO); `100%` is not one. */
function dimension(value: string | undefined): number | undefined {
  const text = value?.trim() ?? '';
  if (!/^[0-9]{1,6}$/.test(text)) return undefined;
  const pixels = Number(text);
  return pixels >= 1 && pixels <= 100_000 ? pixels : undefined;
}
