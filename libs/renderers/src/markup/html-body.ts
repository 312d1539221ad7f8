import type { Article } from '@depeche/article';
import type { Markup } from '../xml/markup';
import { element, text } from '../xml/xml-node';
import { blockElements } from './body.markup';
import { buildMarkup } from './markup.builder';

/**
 * The body as an HTML fragment for readers (RSS `content:encoded`, Atom `content type="html"`,
 * JSON Feed `content_html`). A correction note closes it: feeds have no element for one, and the
 * model asks that readers see it (NewsML-G2 and ninjs carry it as `edNote` instead).
 */
export function readerHtml(article: Article): Markup {
  const note = article.correctionNote;
  return buildMarkup([
    ...blockElements(article.body),
    ...(note ? [element('aside', { class: 'correction' }, [element('p', {}, [text(note)])])] : []),
  ]);
}

/** The body alone as an HTML fragment (ninjs `bodies`, where the note is `edNote`). */
export function bodyHtml(article: Article): Markup {
  return buildMarkup(blockElements(article.body));
}
