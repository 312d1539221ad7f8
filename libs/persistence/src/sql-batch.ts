import type { SqlExecutor, SqlValue } from './sql-database';

/**
 * Rows per multi-row statement. 200 rows of at most 11 columns bind 2,200 values, far below
 * SQLite's limit of 32,766 bound parameters (PostgreSQL's is 65,535).
 */
const ROWS_PER_STATEMENT = 200;

/** Splits `items` into runs of at most `size`, in order. */
export function chunks<T>(items: readonly T[], size = ROWS_PER_STATEMENT): T[][] {
  const runs: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    runs.push(items.slice(start, start + size));
  }
  return runs;
}

/** `($1, $2), ($3, $4)` for 2 rows of width 2; `$1, $2` for width 1 (an IN list). */
export function placeholders(rows: number, width: number, first = 1): string {
  const tuples: string[] = [];
  for (let row = 0; row < rows; row++) {
    const slots = Array.from({ length: width }, (_, col) => `$${first + row * width + col}`);
    tuples.push(width === 1 ? slots.join('') : `(${slots.join(', ')})`);
  }
  return tuples.join(', ');
}

/**
 * Inserts `rows` with one statement per chunk, in order, and returns the number of rows changed.
 * `table`, `columns` and `suffix` (ON CONFLICT …) are constants of this package; values are bound.
 */
export async function insertRows(
  tx: SqlExecutor,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly SqlValue[])[],
  suffix = '',
): Promise<number> {
  let changed = 0;
  for (const chunk of chunks(rows)) {
    changed += await tx.execute(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${placeholders(chunk.length, columns.length)} ${suffix}`,
      chunk.flat(),
    );
  }
  return changed;
}

/** Runs `query(list, values)` once per chunk of `values`, where `list` is `$1, $2, …`; concatenates the rows. */
export async function queryIn<Row extends object>(
  tx: SqlExecutor,
  values: readonly SqlValue[],
  sql: (list: string) => string,
  extra: readonly SqlValue[] = [],
): Promise<Row[]> {
  const rows: Row[] = [];
  for (const chunk of chunks(values)) {
    const list = placeholders(chunk.length, 1, extra.length + 1);
    rows.push(...(await tx.query<Row>(sql(list), [...extra, ...chunk])));
  }
  return rows;
}

/** Code-unit order, the same in every process (localeCompare depends on the locale). */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
