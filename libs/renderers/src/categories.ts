import type { Article } from '@depeche/article';
import { expandQcode } from './qcode';

/** A category as RSS and Atom both understand it. */
export interface Category {
  readonly term: string;
  /** Taxonomy URI (Atom `scheme`, RSS `domain`). */
  readonly scheme?: string;
  /** Human-readable name (Atom `label`). */
  readonly label?: string;
}

/**
 * Sections and keywords as plain terms, IPTC Media Topics as code + scheme so that scheme + term is
 * the concept URI (RFC 4287 §4.2.2; RSS 2.0 `category domain`). Empty terms are dropped.
 */
export function categoriesOf(article: Article): Category[] {
  const plain = [...article.sections, ...article.keywords].map((term): Category => ({ term }));
  const subjects = article.subjects.map((subject): Category => {
    const expanded = expandQcode(subject.code);
    return expanded
      ? { term: expanded.code, scheme: expanded.scheme, label: subject.name }
      : { term: subject.code, label: subject.name };
  });
  return [...plain, ...subjects].filter((category) => category.term.trim() !== '');
}

/** Plain tags for JSON Feed: sections, keywords and subject names. */
export function tagsOf(article: Article): string[] {
  const names = article.subjects.map((subject) => subject.name ?? subject.code);
  return [...article.sections, ...article.keywords, ...names].filter((tag) => tag.trim() !== '');
}
