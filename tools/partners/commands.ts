import {
  ChannelDto,
  CreatePartnerDto,
  IssueKeyDto,
  RotateKeyDto,
  UpdatePartnerDto,
  validateAdminInput,
} from '@depeche/contracts';
import { PartnerNotFoundError, type PartnerStore } from '@depeche/persistence';
import {
  defined,
  list,
  numberFlag,
  onePositional,
  UsageError,
  type Flags,
  type ParsedCommand,
} from './cli-flags';

export type Command = (store: PartnerStore, parsed: ParsedCommand) => Promise<unknown>;

/** The entitlement flags given, as the DTO's fields; absent flags are left out. */
function entitlementFlags(flags: Flags): Record<string, unknown> {
  return defined({
    sections: list(flags.sections),
    languages: list(flags.languages),
    territories: list(flags.territories),
    contentLevel: flags.level,
    formats: list(flags.formats),
    embargo: flags.embargo,
  });
}

const create: Command = (store, parsed) => {
  const { flags } = parsed;
  if (parsed.positionals.length > 0) throw new UsageError('create takes no positional argument');
  const input = validateAdminInput(
    CreatePartnerDto,
    defined({ id: flags.id, name: flags.name, entitlement: entitlementFlags(flags) }),
  );
  return store.createPartner(input);
};

/** Entitlement flags change only the dimensions given; the rest stays as stored. */
const update: Command = async (store, parsed) => {
  const id = onePositional(parsed, 'partner id');
  const current = await store.getPartner(id);
  if (!current) throw new PartnerNotFoundError(id);
  const changes = entitlementFlags(parsed.flags);
  const input = validateAdminInput(
    UpdatePartnerDto,
    defined({
      name: parsed.flags.name,
      entitlement:
        Object.keys(changes).length === 0 ? undefined : { ...current.entitlement, ...changes },
    }),
  );
  return store.updatePartner(id, input);
};

const suspend: Command = (store, parsed) =>
  store.setStatus(onePositional(parsed, 'partner id'), 'suspended');

const activate: Command = (store, parsed) =>
  store.setStatus(onePositional(parsed, 'partner id'), 'active');

const issueKey: Command = async (store, parsed) => {
  const partnerId = onePositional(parsed, 'partner id');
  const input = validateAdminInput(IssueKeyDto, defined({ expiresAt: parsed.flags['expires-at'] }));
  return store.issueKey(
    partnerId,
    input.expiresAt === undefined ? {} : { expiresAt: new Date(input.expiresAt) },
  );
};

const revokeKey: Command = async (store, parsed) => {
  const keyId = onePositional(parsed, 'key id');
  return { keyId, revoked: await store.revokeKey(keyId) };
};

const rotateKey: Command = (store, parsed) => {
  const keyId = onePositional(parsed, 'key id');
  const input = validateAdminInput(
    RotateKeyDto,
    defined({ graceHours: numberFlag(parsed.flags['grace-hours']) }),
  );
  return store.rotateKey(
    keyId,
    input.graceHours === undefined ? {} : { graceMs: input.graceHours * 3_600_000 },
  );
};

/** `--partner <id>` or `--public`, exactly one. */
function channelOwner(flags: Flags): string | undefined {
  if ((flags.partner === undefined) === (flags.public !== true)) {
    throw new UsageError('give exactly one of --partner <id> and --public');
  }
  return flags.partner;
}

const defineChannel: Command = (store, parsed) => {
  const { flags } = parsed;
  if (parsed.positionals.length > 0) throw new UsageError('define-channel takes no positional');
  const input = validateAdminInput(
    ChannelDto,
    defined({
      slug: flags.slug,
      partnerId: channelOwner(flags),
      title: flags.title,
      filter: defined({
        sections: list(flags.sections),
        keywords: list(flags.keywords),
        languages: list(flags.languages),
      }),
      publicLevel: flags.level,
      language: flags.language,
    }),
  );
  return store.defineChannel(input);
};

const removeChannel: Command = async (store, parsed) => {
  const partnerId = channelOwner(parsed.flags);
  const slug = parsed.flags.slug;
  if (slug === undefined) throw new UsageError('remove-channel needs --slug');
  return { partnerId, slug, removed: await store.removeChannel(partnerId, slug) };
};

/** Everything an admin needs to see, keys by prefix only. */
const listAll: Command = async (store) => {
  const partners = await store.listPartners();
  return {
    partners: await Promise.all(
      partners.map(async (partner) => ({
        ...partner,
        keys: await store.keys(partner.id),
        channels: await store.channels(partner.id),
      })),
    ),
    publicChannels: await store.publicChannels(),
  };
};

export const COMMANDS: ReadonlyMap<string, Command> = new Map([
  ['create', create],
  ['update', update],
  ['suspend', suspend],
  ['activate', activate],
  ['issue-key', issueKey],
  ['revoke-key', revokeKey],
  ['rotate-key', rotateKey],
  ['define-channel', defineChannel],
  ['remove-channel', removeChannel],
  ['list', listAll],
]);

/** DTO field paths as the flags that set them, so an error names what to retype. */
export const FLAG_OF_FIELD: Readonly<Record<string, string>> = {
  id: '--id',
  name: '--name',
  'entitlement.sections': '--sections',
  'entitlement.languages': '--languages',
  'entitlement.territories': '--territories',
  'entitlement.contentLevel': '--level',
  'entitlement.formats': '--formats',
  'entitlement.embargo': '--embargo',
  expiresAt: '--expires-at',
  graceHours: '--grace-hours',
  slug: '--slug',
  partnerId: '--partner',
  title: '--title',
  'filter.sections': '--sections',
  'filter.keywords': '--keywords',
  'filter.languages': '--languages',
  publicLevel: '--level',
  language: '--language',
};
