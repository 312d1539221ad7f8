import { getMetadataStorage } from 'class-validator';

/**
 * The variables a config DTO requires: validated properties not marked optional and without a default.
 * The docker-compose test uses it so that compose can never fall behind an app's configuration.
 */
export function requiredVariables(dto: new () => object): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const defaults = new dto() as Record<string, unknown>;
  const optional = new Set(
    metadata.filter((m) => m.type === 'conditionalValidation').map((m) => m.propertyName),
  );
  const all = new Set(metadata.map((m) => m.propertyName));
  return [...all].filter((name) => !optional.has(name) && defaults[name] === undefined).sort();
}

/** Every variable a config DTO reads, required or not. */
export function knownVariables(dto: new () => object): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  return [...new Set(metadata.map((m) => m.propertyName))].sort();
}
