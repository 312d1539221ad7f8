import type {
  Channel,
  ChannelFilter,
  Entitlement,
  Partner,
  PartnerContentLevel,
  PartnerStatus,
} from '@depeche/contracts';

export interface PartnerRow {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  readonly entitlement: string;
}

export interface PartnerKeyRow {
  readonly id: string;
  readonly partner_id: string;
  readonly prefix: string;
  readonly created_at: string;
  readonly last_used_at: string | null;
  readonly expires_at: string | null;
  readonly revoked_at: string | null;
}

export interface ChannelRow {
  readonly partner_id: string | null;
  readonly slug: string;
  readonly title: string;
  readonly filter: string;
  readonly public_level: string | null;
  readonly language: string | null;
}

/** A key as admins see it: never the key itself, which is shown once, at issue. */
export interface PartnerKeyInfo {
  readonly id: string;
  readonly partnerId: string;
  /** `dpk_` and the first characters, to tell keys apart. */
  readonly prefix: string;
  readonly createdAt: string;
  readonly lastUsedAt?: string;
  readonly expiresAt?: string;
  readonly revokedAt?: string;
}

export const PARTNER_COLUMNS = 'id, name, status, entitlement';
export const KEY_COLUMNS =
  'id, partner_id, prefix, created_at, last_used_at, expires_at, revoked_at';
export const CHANNEL_COLUMNS = 'partner_id, slug, title, filter, public_level, language';

export function partnerOf(row: PartnerRow): Partner {
  return {
    id: row.id,
    name: row.name,
    status: row.status as PartnerStatus,
    entitlement: JSON.parse(row.entitlement) as Entitlement,
  };
}

export function keyInfoOf(row: PartnerKeyRow): PartnerKeyInfo {
  return {
    id: row.id,
    partnerId: row.partner_id,
    prefix: row.prefix,
    createdAt: row.created_at,
    ...(row.last_used_at === null ? {} : { lastUsedAt: row.last_used_at }),
    ...(row.expires_at === null ? {} : { expiresAt: row.expires_at }),
    ...(row.revoked_at === null ? {} : { revokedAt: row.revoked_at }),
  };
}

export function channelOf(row: ChannelRow): Channel {
  return {
    slug: row.slug,
    ...(row.partner_id === null ? {} : { partnerId: row.partner_id }),
    title: row.title,
    filter: JSON.parse(row.filter) as ChannelFilter,
    ...(row.public_level === null ? {} : { publicLevel: row.public_level as PartnerContentLevel }),
    ...(row.language === null ? {} : { language: row.language }),
  };
}

/**
 * Only the fields of the shape, in a fixed order, as plain data: a DTO instance given by the admin
 * layer may carry more, and what is stored and returned should not depend on who called.
 */
export function plainEntitlement(entitlement: Entitlement): Entitlement {
  const { sections, languages, territories, contentLevel, formats, embargo } = entitlement;
  return {
    sections: [...sections],
    languages: [...languages],
    territories: [...territories],
    contentLevel,
    formats: [...formats],
    embargo,
  };
}

export function plainFilter(filter: ChannelFilter): ChannelFilter {
  return {
    sections: [...filter.sections],
    keywords: [...filter.keywords],
    languages: [...filter.languages],
  };
}

export function plainChannel(channel: Channel): Channel {
  return {
    slug: channel.slug,
    ...(channel.partnerId === undefined ? {} : { partnerId: channel.partnerId }),
    title: channel.title,
    filter: plainFilter(channel.filter),
    ...(channel.publicLevel === undefined ? {} : { publicLevel: channel.publicLevel }),
    ...(channel.language === undefined ? {} : { language: channel.language }),
  };
}

export const entitlementJson = (entitlement: Entitlement): string =>
  JSON.stringify(plainEntitlement(entitlement));

export const filterJson = (filter: ChannelFilter): string => JSON.stringify(plainFilter(filter));

/**
 * `partner_id = $n`, or `partner_id IS NULL` for a public channel (`= NULL` is never true), and
 * the parameters to go with it.
 */
export function ownerClause(
  partnerId: string | undefined,
  n: number,
): { sql: string; params: string[] } {
  return partnerId === undefined
    ? { sql: 'partner_id IS NULL', params: [] }
    : { sql: `partner_id = $${n}`, params: [partnerId] };
}
