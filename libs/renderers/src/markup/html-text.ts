import type { Markup } from '../xml/markup';
import { text } from '../xml/xml-node';
import { buildMarkup } from './markup.builder';

/**
 * Plain text as an HTML fragment, for elements readers take as HTML whatever the spec says
 * (RSS `description`): `<script>` typed by a journalist must reach the reader as text.
 */
export function htmlText(plain: string): Markup {
  return buildMarkup([text(plain)]);
}
