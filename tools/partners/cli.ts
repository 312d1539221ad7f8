/**
 * `npm run partners -- <command> …`: the partner admin CLI (issue 5). It opens the database the
 * apps use (DATABASE_KIND, DATABASE_URL, SQLITE_PATH), applies pending migrations, runs one
 * command and prints its result as JSON. The webhook commands (issue 6) talk to the distributor's
 * admin API only and open no database. Input is validated by the DTOs of @depeche/contracts,
 * the same ones feed-api's admin API uses.
 * Exit codes: 0 done, 1 refused (unknown partner or key, exists already, the distributor said
 * no or did not answer), 2 bad command line or
 * input, 78 bad configuration (as the apps).
 */
import { AdminInputError } from '@depeche/contracts';
import { ConfigError, loadConfig } from '@depeche/config';
import {
  KeyNotFoundError,
  migrate,
  MIGRATIONS,
  openDatabase,
  PartnerExistsError,
  PartnerNotFoundError,
  PartnerStore,
} from '@depeche/persistence';
import { parseCommandLine, UsageError } from './cli-flags';
import { printJson, processOutput, type CliOutput } from './cli-output';
import { COMMANDS, FLAG_OF_FIELD } from './commands';
import { PartnersCliEnv } from './partners-cli.env';
import { DistributorError, WEBHOOK_COMMANDS, WEBHOOK_USAGE } from './webhook-commands';

export const USAGE = `usage: partners <command> [arguments]
  create --name <name> [--id <slug>] --sections <a,b> --level headline|summary|full
         [--languages <fr,nl>] [--territories <BE,FR>] [--formats <rss,atom,json,newsml,ninjs>]
         [--embargo early|on-lift]
  update <partner-id> [--name <name>] [entitlement flags as for create: only those given change]
  suspend <partner-id> | activate <partner-id>
  issue-key <partner-id> [--expires-at <RFC 3339 time>]    the key is printed once, never again
  revoke-key <key-id>
  rotate-key <key-id> [--grace-hours <0-720, default 24>]   the old key works until the grace ends
  define-channel (--partner <id> | --public) --slug <slug> --title <title>
         [--sections <a,b>] [--keywords <a,b>] [--languages <fr>] [public: --level <level> --language <tag>]
  remove-channel (--partner <id> | --public) --slug <slug>
  list
env: DATABASE_KIND (sqlite|postgres), DATABASE_URL, SQLITE_PATH, as the apps read them
webhooks, through the distributor's admin API:
${WEBHOOK_USAGE}`;

export interface CliOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly output?: CliOutput;
}

/** Runs one command; `args` are the arguments after the script (process.argv.slice(2)). */
export async function main(args: readonly string[], options: CliOptions = {}): Promise<number> {
  const output = options.output ?? processOutput;
  let parsed;
  let env;
  try {
    parsed = parseCommandLine(args);
    // The webhook commands only talk to the distributor: no database settings, nothing opened.
    const webhook = WEBHOOK_COMMANDS.get(parsed.command ?? '');
    if (webhook !== undefined) {
      printJson(output, await webhook(parsed, options.env ?? process.env));
      return 0;
    }
    env = loadConfig(PartnersCliEnv, options.env ?? process.env);
  } catch (error) {
    return report(output, error);
  }
  const command = parsed.command === undefined ? undefined : COMMANDS.get(parsed.command);
  if (command === undefined) return report(output, new UsageError('unknown or missing command'));
  const db = openDatabase(env);
  try {
    await migrate(db, MIGRATIONS);
    const result = await command(new PartnerStore(db), parsed);
    printJson(output, result);
    if (parsed.command === 'issue-key' || parsed.command === 'rotate-key') {
      output.err('Store the key now: only its hash is kept, it cannot be shown again.\n');
    }
    return 0;
  } catch (error) {
    return report(output, error);
  } finally {
    await db.close();
  }
}

function report(output: CliOutput, error: unknown): number {
  if (error instanceof UsageError) {
    output.err(`partners: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (error instanceof AdminInputError) {
    const lines = error.problems.map(
      (p) => `  ${FLAG_OF_FIELD[p.path] ?? p.path}: ${p.reasons.join('; ')}`,
    );
    output.err(`partners: invalid input\n${lines.join('\n')}\n`);
    return 2;
  }
  if (error instanceof ConfigError) {
    output.err(`partners: ${error.message}\n`);
    return 78;
  }
  if (
    error instanceof PartnerNotFoundError ||
    error instanceof PartnerExistsError ||
    error instanceof KeyNotFoundError ||
    error instanceof DistributorError
  ) {
    output.err(`partners: ${error.message}\n`);
    return 1;
  }
  throw error;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`partners: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
