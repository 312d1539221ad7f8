import { Problem } from '@depeche/observability';
import { PROBLEM_TYPES } from '../http/problem';

/**
 * The change stream's cursor: base64url of `c1.<seq>`. Opaque to clients (they send back what they
 * got); `c1` is the format's version, so the encoding can change while old cursors keep working.
 * The seq is the change log's own, in the database: a cursor survives restarts of any process and
 * is good for as long as the store keeps its history.
 */
const FORMAT = /^c1\.(0|[1-9]\d{0,15})$/;

export function encodeCursor(seq: number): string {
  return Buffer.from(`c1.${seq}`, 'utf8').toString('base64url');
}

/** The seq a cursor stands for; a 400 problem for anything that is not a cursor we issued. */
export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const text = /^[A-Za-z0-9_-]+$/.test(cursor)
    ? Buffer.from(cursor, 'base64url').toString('utf8')
    : '';
  const match = FORMAT.exec(text);
  if (!match?.[1] || !Number.isSafeInteger(Number(match[1]))) {
    throw new Problem(400, 'The cursor is not one this API issued; start without one.', {
      type: PROBLEM_TYPES.badCursor,
    });
  }
  return Number(match[1]);
}
