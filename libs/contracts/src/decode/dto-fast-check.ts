import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, ValidationTypes, type ValidationArguments } from 'class-validator';
import type { ValidatorConstraintInterface } from 'class-validator';

type DtoClass = new () => object;

interface Constraint {
  readonly validator: ValidatorConstraintInterface;
  readonly each: boolean;
  readonly property: string;
  readonly constraints: unknown[];
}

interface PropertyPlan {
  readonly name: string;
  /** @IsOptional and the like: when one says no, nothing else is checked. */
  readonly conditions: readonly ((object: object, value: unknown) => boolean)[];
  /** @IsDefined first, then the others, as class-validator runs them. */
  readonly constraints: readonly Constraint[];
  /** The class plainToInstance makes of this property (or of each item): @ValidateNested. */
  readonly nested?: DtoClass;
}

const plans = new Map<DtoClass, readonly PropertyPlan[]>();

/**
 * True only when class-validator would find no error in `plainToInstance(dto, plain)` with
 * `forbidUnknownValues`: the same metadata and the same constraint functions, read once per class
 * instead of on every call (class-validator looks them up, groups them and builds an error object
 * per property each time, which cost more than the checks themselves). Anything this does not
 * model exactly (a nested value that is not a plain object, a promise) answers false, and the
 * caller falls back to class-validator itself, which also words the errors. So it can only be
 * faster, never more lenient; a spec compares the two on hostile variants of the sample event.
 */
export function passesDtoChecks(plain: unknown, dto: DtoClass): boolean {
  if (!isPlainObject(plain)) return false;
  const plan = planOf(dto);
  if (plan.length === 0) return false;
  for (const property of plan) {
    const value = plain[property.name];
    if (!property.conditions.every((condition) => condition(plain, value))) continue;
    for (const constraint of property.constraints) {
      if (!satisfies(constraint, plain, value, dto)) return false;
    }
    if (property.nested && value !== undefined && !nestedPasses(value, property.nested)) {
      return false;
    }
  }
  return true;
}

/**
 * What plainToInstance makes of a plain object that passed the checks: an instance of `dto`, and
 * of the nested DTOs, holding the same values. `__proto__` is not copied: it is nothing the
 * contract knows, and assigning it would change the instance's prototype.
 */
export function toDtoInstance<T extends object>(
  plain: Record<string, unknown>,
  dto: new () => T,
): T {
  const instance = new dto() as Record<string, unknown>;
  const nested = new Map(planOf(dto).map((p) => [p.name, p.nested]));
  for (const key of Object.keys(plain)) {
    if (key === '__proto__') continue;
    const value = plain[key];
    const type = nested.get(key);
    instance[key] =
      type === undefined || typeof value !== 'object' || value === null
        ? value
        : Array.isArray(value)
          ? value.map((item) => toDtoInstance(item as Record<string, unknown>, type))
          : toDtoInstance(value as Record<string, unknown>, type);
  }
  return instance as T;
}

function nestedPasses(value: unknown, dto: DtoClass): boolean {
  if (Array.isArray(value)) return value.every((item) => passesDtoChecks(item, dto));
  return passesDtoChecks(value, dto);
}

function satisfies(constraint: Constraint, object: object, value: unknown, dto: DtoClass): boolean {
  const args: ValidationArguments = {
    targetName: dto.name,
    property: constraint.property,
    object,
    value,
    constraints: constraint.constraints,
  };
  const check = (item: unknown): boolean => constraint.validator.validate(item, args) === true;
  return constraint.each && Array.isArray(value) ? value.every(check) : check(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

function planOf(dto: DtoClass): readonly PropertyPlan[] {
  let plan = plans.get(dto);
  if (!plan) {
    plan = buildPlan(dto);
    plans.set(dto, plan);
  }
  return plan;
}

/** class-validator's own selection of metadata for validateSync without groups. */
function buildPlan(dto: DtoClass): PropertyPlan[] {
  const storage = getMetadataStorage();
  const metadata = storage.getTargetValidationMetadatas(dto, '', false, false);
  const names = [...new Set(metadata.map((m) => m.propertyName))];
  return names.map((name) => {
    const own = metadata.filter((m) => m.propertyName === name);
    const ofType = (type: string) => own.filter((m) => m.type === type);
    const constraints = [
      ...ofType(ValidationTypes.IS_DEFINED),
      ...ofType(ValidationTypes.CUSTOM_VALIDATION),
    ].flatMap((m) =>
      storage.getTargetValidatorConstraints(m.constraintCls).map((c): Constraint => ({
        validator: c.async ? REFUSE : c.instance,
        each: m.each ?? false,
        property: name,
        constraints: m.constraints as unknown[],
      })),
    );
    const validatesNested = ofType(ValidationTypes.NESTED_VALIDATION).length > 0;
    const nested = validatesNested ? nestedClass(dto, name) : undefined;
    const unsupported =
      (validatesNested && nested === undefined) || own.some((m) => !MODELLED.has(m.type));
    return {
      name,
      conditions: ofType(ValidationTypes.CONDITIONAL_VALIDATION).map(
        (m) => m.constraints[0] as (object: object, value: unknown) => boolean,
      ),
      constraints: unsupported
        ? [{ validator: REFUSE, each: false, property: name, constraints: [] }]
        : constraints,
      ...(nested ? { nested } : {}),
    };
  });
}

const MODELLED = new Set<string>([
  ValidationTypes.IS_DEFINED,
  ValidationTypes.CUSTOM_VALIDATION,
  ValidationTypes.CONDITIONAL_VALIDATION,
  ValidationTypes.NESTED_VALIDATION,
]);

/** A check this module does not model: always fails, so class-validator decides. */
const REFUSE: ValidatorConstraintInterface = { validate: () => false };

/**
 * The class @Type gives a nested property, asked of class-transformer itself (its metadata
 * storage is not public): once per class and property, on a probe object. Without one, nested
 * validation of a plain object would fail, so the fast check refuses the property outright.
 */
function nestedClass(dto: DtoClass, name: string): DtoClass | undefined {
  const probe = plainToInstance(dto, { [name]: {} }) as Record<string, unknown>;
  const type = (probe[name] as object | undefined)?.constructor as DtoClass | undefined;
  return type && type !== Object ? type : undefined;
}
