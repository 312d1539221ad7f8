import type { ArticleInput } from '../article-input';
import type { ArticleChange } from '../article';

/** What a wire parser yields: the story in the CMS's terms, and which change it is. */
export interface WireStory {
  readonly input: ArticleInput;
  readonly change: ArticleChange;
}

/** Version 1 is a publication; later ones are updates unless the item says otherwise. */
export function changeOf(version: number, canceled: boolean, correction: boolean): ArticleChange {
  if (canceled) return 'withdrawn';
  if (correction) return 'corrected';
  return version > 1 ? 'updated' : 'published';
}

export function optional<K extends string, V>(
  key: K,
  value: V | undefined | '',
): Partial<Record<K, V>> {
  return value === undefined || value === '' ? {} : ({ [key]: value } as Record<K, V>);
}
