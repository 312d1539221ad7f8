/** A schema change, written for both databases when their dialects differ. */
export interface Migration {
  /** Sortable and never renamed once released: `0001-articles`. */
  readonly id: string;
  readonly postgres: string;
  readonly sqlite: string;
}
