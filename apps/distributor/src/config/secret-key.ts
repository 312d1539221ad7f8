import {
  registerDecorator,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';

/** The AES-256 key: exactly 32 bytes, written in base64. */
export function secretKeyBytes(value: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value.trim())) return undefined;
  const bytes = Buffer.from(value.trim(), 'base64');
  return bytes.length === 32 ? bytes : undefined;
}

export function IsSecretKey(options?: ValidationOptions) {
  return (object: object, propertyName: string): void => {
    registerDecorator({
      name: 'isSecretKey',
      target: object.constructor,
      propertyName,
      ...(options ? { options } : {}),
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && secretKeyBytes(value) !== undefined,
        defaultMessage: (args: ValidationArguments) =>
          `${args.property} must be 32 random bytes in base64 (openssl rand -base64 32)`,
      },
    });
  };
}
