import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors, type FieldProblem } from '../decode/validation-paths';

/** Admin input that cannot be used; the message names every field at fault and why. */
export class AdminInputError extends Error {
  constructor(readonly problems: readonly FieldProblem[]) {
    super(
      `Invalid input:\n${problems.map((p) => `  ${p.path}: ${p.reasons.join('; ')}`).join('\n')}`,
    );
    this.name = 'AdminInputError';
  }
}

/**
 * Validates admin input (CLI flags or an HTTP body, already parsed) into its DTO. The CLI and the
 * admin API both call this, so they accept and refuse the same things. Unknown fields are refused:
 * a misspelt `territoires` silently ignored would leave a partner wider open than meant.
 */
export function validateAdminInput<T extends object>(dto: ClassConstructor<T>, plain: unknown): T {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    throw new AdminInputError([{ path: '', reasons: ['input must be an object'] }]);
  }
  const input = plainToInstance(dto, plain, { exposeDefaultValues: true });
  const problems = flattenValidationErrors(
    validateSync(input, {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      // One reason per field, the first check to fail (decorators run bottom-up): clearer than
      // five complaints about a missing list.
      stopAtFirstError: true,
      validationError: { target: false, value: false },
    }),
  );
  if (problems.length > 0) throw new AdminInputError(problems);
  return input;
}
