import { parseArgs } from 'node:util';

/** Every flag any command takes; each command reads the ones it needs. */
const FLAGS = {
  id: { type: 'string' },
  name: { type: 'string' },
  sections: { type: 'string' },
  languages: { type: 'string' },
  territories: { type: 'string' },
  level: { type: 'string' },
  formats: { type: 'string' },
  embargo: { type: 'string' },
  'expires-at': { type: 'string' },
  'grace-hours': { type: 'string' },
  partner: { type: 'string' },
  public: { type: 'boolean' },
  slug: { type: 'string' },
  title: { type: 'string' },
  keywords: { type: 'string' },
  language: { type: 'string' },
} as const;

export type Flags = Partial<Record<Exclude<keyof typeof FLAGS, 'public'>, string>> & {
  public?: boolean;
};

export interface ParsedCommand {
  readonly command: string | undefined;
  readonly positionals: readonly string[];
  readonly flags: Flags;
}

/** A command line that cannot be read; the CLI prints it with the usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** `create --name X …` → the command, its positional arguments and its flags. */
export function parseCommandLine(args: readonly string[]): ParsedCommand {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: FLAGS,
      allowPositionals: true,
      strict: true,
    });
    const [command, ...rest] = positionals;
    return { command, positionals: rest, flags: values };
  } catch (error) {
    // parseArgs throws TypeError with a clear message for unknown or valueless flags.
    throw new UsageError((error as Error).message);
  }
}

/** `a, b,,c` → ['a', 'b', 'c']; an empty string is an empty list (clears a dimension). */
export function list(value: string | undefined): string[] | undefined {
  return value === undefined
    ? undefined
    : value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
}

/** A number flag, left as the text when it is not one, so the DTO reports it. */
export function numberFlag(value: string | undefined): number | string | undefined {
  return value !== undefined && /^-?\d+$/.test(value) ? Number(value) : value;
}

/** Drops undefined members, so a flag not given keeps the DTO's default or the stored value. */
export function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function onePositional(parsed: ParsedCommand, what: string): string {
  const [value, ...extra] = parsed.positionals;
  if (value === undefined || extra.length > 0) {
    throw new UsageError(`${parsed.command ?? ''} takes exactly one ${what}`);
  }
  return value;
}
