import { ValidationPipe } from '@nestjs/common';

/**
 * Query and path parameters validated with class-validator DTOs (STYLE.md: validate at every
 * boundary). Unknown parameters are ignored, not refused: caches and proxies add their own.
 */
export function parameterValidation(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  });
}
