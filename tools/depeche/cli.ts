/**
 * `npm run depeche -- <command>`: the operators' CLI (issue 7). Reads the apps' variables
 * (KAFKA_BROKERS, topics, DATABASE_KIND, DATABASE_URL, SQLITE_PATH).
 * Exit codes: 0 done, 1 failed, 2 bad command line, 78 bad configuration (as the apps).
 */
import { ConfigError, loadConfig } from '@depeche/config';
import { PERMANENT_ERROR_CODES } from '@depeche/contracts';
import { createKafka } from '@depeche/kafka';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import type { CliContext, CliOutput } from './cli-context';
import { DepecheCliEnv } from './depeche-cli.env';
import { publishSample } from './publish-sample';
import { rebuild } from './rebuild';
import type { RebuildStart } from './rebuild-start';
import { replayDeadLetters } from './replay-dlq';
import { repoRoot } from './repo-root';
import { tail } from './tail';

export const USAGE = `usage: depeche <command> [options]
  publish-sample [--version <n>]          publish the sample article (a later version with --version)
  tail [--from-beginning]                 print the pipeline topics' messages as they come; Ctrl-C stops
  replay-dlq [--code <error code>] [--from <time>] [--to <time>] [--all] [--dry-run]
                                          replay dead letters to the events topic, with a progress bar
                                          (those replayed before are skipped unless --all)
  rebuild --into sqlite:<path>|postgres://… [--from-offset <n> | --from-time <time>]
                                          re-consume the events topic into a fresh store, with a progress bar
env: KAFKA_BROKERS, INGEST_TOPIC, INGEST_DLQ_TOPIC, ITEMS_TOPIC, OPS_EVENTS_TOPIC,
     DATABASE_KIND, DATABASE_URL, SQLITE_PATH (the audit log of replays), as the apps read them`;

class UsageError extends Error {}

export interface CliOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly output?: CliOutput;
  readonly interrupted?: Promise<void>;
}

export async function main(args: readonly string[], options: CliOptions = {}): Promise<number> {
  const output = options.output ?? {
    out: (text: string) => void process.stdout.write(text),
    progress: process.stderr,
  };
  let env: DepecheCliEnv;
  try {
    env = loadConfig(DepecheCliEnv, options.env ?? process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    output.progress.write(`${error.message}\n`);
    return 78;
  }
  const ctx: CliContext = {
    env,
    kafka: createKafka(env),
    output,
    root: repoRoot(),
    actor: `cli:${safeUser()}`,
    interrupted: options.interrupted ?? new Promise((done) => process.once('SIGINT', () => done())),
  };
  try {
    await run(ctx, args);
    return 0;
  } catch (error) {
    output.progress.write(`depeche: ${(error as Error).message}\n`);
    if (error instanceof UsageError) output.progress.write(`${USAGE}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}

async function run(ctx: CliContext, args: readonly string[]): Promise<void> {
  const [command, ...rest] = args;
  const flags = parseFlags(rest);
  switch (command) {
    case 'publish-sample':
      return publishSample(ctx, flags.version === undefined ? undefined : int(flags.version));
    case 'tail':
      return tail(ctx, flags['from-beginning'] === true);
    case 'replay-dlq': {
      const code = str(flags.code);
      if (code && !(PERMANENT_ERROR_CODES as readonly string[]).includes(code)) {
        throw new UsageError(`--code must be one of ${PERMANENT_ERROR_CODES.join(', ')}`);
      }
      await replayDeadLetters(
        ctx,
        {
          ...(code ? { errorCode: code } : {}),
          ...(flags.from ? { failedFrom: time(flags.from) } : {}),
          ...(flags.to ? { failedBefore: time(flags.to) } : {}),
          notReplayedOnly: flags.all !== true,
        },
        flags['dry-run'] === true,
      );
      return;
    }
    case 'rebuild': {
      const into = str(flags.into);
      if (!into) throw new UsageError('rebuild needs --into');
      await rebuild(ctx, into, startOf(flags));
      return;
    }
    case undefined:
      throw new UsageError('no command');
    default:
      throw new UsageError(`unknown command ${command}`);
  }
}

type Flags = Record<string, string | boolean | undefined>;

function parseFlags(args: readonly string[]): Flags {
  try {
    return parseArgs({
      args: [...args],
      options: {
        version: { type: 'string' },
        'from-beginning': { type: 'boolean' },
        code: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        'dry-run': { type: 'boolean' },
        all: { type: 'boolean' },
        into: { type: 'string' },
        'from-offset': { type: 'string' },
        'from-time': { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function startOf(flags: Flags): RebuildStart {
  if (flags['from-offset'] !== undefined && flags['from-time'] !== undefined) {
    throw new UsageError('give --from-offset or --from-time, not both');
  }
  if (flags['from-offset'] !== undefined)
    return { kind: 'offset', offset: int(flags['from-offset']) };
  if (flags['from-time'] !== undefined)
    return { kind: 'time', at: new Date(time(flags['from-time'])) };
  return { kind: 'beginning' };
}

function str(value: string | boolean | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function int(value: string | boolean | undefined): number {
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value)) {
    throw new UsageError(`expected a whole number, not ${String(value)}`);
  }
  return Number(value);
}

function time(value: string | boolean | undefined): string {
  const at = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(at)) throw new UsageError(`expected an ISO 8601 time, not ${String(value)}`);
  return new Date(at).toISOString();
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
