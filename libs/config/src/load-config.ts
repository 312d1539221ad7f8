import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { ConfigError } from './config-error';

/**
 * Validates the environment once, at start-up, into a typed DTO (immich's env.dto.ts does the same).
 * Property names are the variable names, so an error points at exactly what to fix.
 * Unknown variables are ignored: the environment holds much more than ours.
 */
export function loadConfig<T extends object>(
  dto: ClassConstructor<T>,
  env: NodeJS.ProcessEnv = process.env,
): T {
  const config = plainToInstance(dto, { ...env }, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: true });
  if (errors.length > 0) throw new ConfigError(errors.map(toProblem));
  return config;
}

function toProblem(error: ValidationError): { variable: string; reasons: string[] } {
  return { variable: error.property, reasons: Object.values(error.constraints ?? {}) };
}
