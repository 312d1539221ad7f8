import { numberFlag, UsageError, type ParsedCommand } from './cli-flags';

/** The distributor refused the request, or could not be reached: the CLI exits 1 with its answer. */
export class DistributorError extends Error {}

/** A command that talks to the distributor only: no database is opened for it. */
export type WebhookCommand = (parsed: ParsedCommand, env: NodeJS.ProcessEnv) => Promise<unknown>;

/**
 * Webhook and dead-letter commands (issue 6). They go through the distributor's admin API rather
 * than the database: only the distributor holds DISTRIBUTOR_SECRET_KEY, which seals the secrets,
 * and it checks webhook URLs against its own allow-list. Env: DISTRIBUTOR_URL
 * (http://127.0.0.1:3002) and DISTRIBUTOR_ADMIN_TOKEN. Arguments are positional.
 */
export const WEBHOOK_USAGE = `  add-webhook <partner-id> <url> <newsml|ninjs|json|atom>   the secret is printed once
  list-webhooks <partner-id>
  enable-webhook <endpoint-id> | disable-webhook <endpoint-id>
  rotate-webhook-secret <endpoint-id> [overlap hours, default 24]
  dead-letters [target-id]
  redeliver <delivery-id> | redeliver-target <endpoint-or-subscription-id>
env for these: DISTRIBUTOR_URL (http://127.0.0.1:3002), DISTRIBUTOR_ADMIN_TOKEN`;

async function admin(
  env: NodeJS.ProcessEnv,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const base = (env.DISTRIBUTOR_URL ?? 'http://127.0.0.1:3002').replace(/\/+$/, '');
  const token = env.DISTRIBUTOR_ADMIN_TOKEN;
  if (!token) throw new UsageError('DISTRIBUTOR_ADMIN_TOKEN is not set');
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  }).catch((error: unknown) => {
    throw new DistributorError(`the distributor at ${base} did not answer: ${String(error)}`);
  });
  const text = await response.text();
  if (!response.ok) throw new DistributorError(`distributor answered ${response.status}: ${text}`);
  return text === '' ? {} : (JSON.parse(text) as unknown);
}

function args(parsed: ParsedCommand, min: number, max: number, usage: string): readonly string[] {
  const { positionals } = parsed;
  if (positionals.length < min || positionals.length > max) throw new UsageError(usage);
  return positionals;
}

const enc = encodeURIComponent;

export const WEBHOOK_COMMANDS: ReadonlyMap<string, WebhookCommand> = new Map<
  string,
  WebhookCommand
>([
  [
    'add-webhook',
    (parsed, env) => {
      const [partner = '', url, format] = args(
        parsed,
        3,
        3,
        'add-webhook <partner-id> <url> <format>',
      );
      return admin(env, 'POST', `/admin/partners/${enc(partner)}/webhooks`, { url, format });
    },
  ],
  [
    'list-webhooks',
    (parsed, env) => {
      const [partner = ''] = args(parsed, 1, 1, 'list-webhooks <partner-id>');
      return admin(env, 'GET', `/admin/partners/${enc(partner)}/webhooks`);
    },
  ],
  [
    'enable-webhook',
    (parsed, env) => {
      const [id = ''] = args(parsed, 1, 1, 'enable-webhook <endpoint-id>');
      return admin(env, 'PATCH', `/admin/webhooks/${enc(id)}`, { status: 'active' });
    },
  ],
  [
    'disable-webhook',
    (parsed, env) => {
      const [id = ''] = args(parsed, 1, 1, 'disable-webhook <endpoint-id>');
      return admin(env, 'PATCH', `/admin/webhooks/${enc(id)}`, { status: 'disabled' });
    },
  ],
  [
    'rotate-webhook-secret',
    (parsed, env) => {
      const [id = '', hours] = args(parsed, 1, 2, 'rotate-webhook-secret <endpoint-id> [hours]');
      return admin(
        env,
        'POST',
        `/admin/webhooks/${enc(id)}/rotate-secret`,
        // `2h` stays text, for the distributor to refuse: Number('2h') is NaN, sent as null, and
        // null took the 24-hour default.
        hours === undefined ? {} : { overlapHours: numberFlag(hours) },
      );
    },
  ],
  [
    'dead-letters',
    (parsed, env) => {
      const [target] = args(parsed, 0, 1, 'dead-letters [target-id]');
      return admin(
        env,
        'GET',
        `/admin/deliveries?status=dead${target === undefined ? '' : `&target=${enc(target)}`}`,
      );
    },
  ],
  [
    'redeliver',
    (parsed, env) => {
      const [id = ''] = args(parsed, 1, 1, 'redeliver <delivery-id>');
      return admin(env, 'POST', `/admin/deliveries/${enc(id)}/redeliver`);
    },
  ],
  [
    'redeliver-target',
    (parsed, env) => {
      const [id = ''] = args(parsed, 1, 1, 'redeliver-target <target-id>');
      return admin(env, 'POST', `/admin/targets/${enc(id)}/redeliver`);
    },
  ],
]);
