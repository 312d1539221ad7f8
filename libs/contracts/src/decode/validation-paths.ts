import type { ValidationError } from 'class-validator';

export interface FieldProblem {
  readonly path: string;
  readonly reasons: readonly string[];
}

/** Flattens class-validator's nested errors into dotted field paths (`article.images.0.url`). */
export function flattenValidationErrors(
  errors: readonly ValidationError[],
  parent = '',
): FieldProblem[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ path, reasons: Object.values(error.constraints) }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}
