import { ARTICLES } from './0001-articles';
import { PARTNERS } from './0002-partners';
import type { Migration } from './migration';

/** Every migration in the order it is applied. Append only: a released migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [ARTICLES, PARTNERS];

export type { Migration };
