import type { Channel } from '@depeche/contracts';
import {
  CHANNEL_COLUMNS,
  channelOf,
  filterJson,
  ownerClause,
  type ChannelRow,
} from './partner-rows';
import type { SqlExecutor } from './sql-database';

/**
 * Creates or replaces a channel, in a transaction the caller holds: an UPDATE, then an INSERT when
 * nothing was there. (A single upsert would need ON CONFLICT on the partial index of public slugs,
 * whose syntax differs between the two databases.)
 */
export async function upsertChannel(tx: SqlExecutor, channel: Channel, now: Date): Promise<void> {
  const owner = ownerClause(channel.partnerId, 7);
  const values = [
    channel.title,
    filterJson(channel.filter),
    channel.publicLevel ?? null,
    channel.language ?? null,
    now.toISOString(),
    channel.slug,
  ];
  const updated = await tx.execute(
    `UPDATE channels SET title = $1, filter = $2, public_level = $3, language = $4, updated_at = $5
     WHERE slug = $6 AND ${owner.sql}`,
    [...values, ...owner.params],
  );
  if (updated > 0) return;
  await tx.execute(
    `INSERT INTO channels
       (partner_id, slug, title, filter, public_level, language, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
    [
      channel.partnerId ?? null,
      channel.slug,
      channel.title,
      filterJson(channel.filter),
      channel.publicLevel ?? null,
      channel.language ?? null,
      now.toISOString(),
    ],
  );
}

export async function deleteChannel(
  tx: SqlExecutor,
  partnerId: string | undefined,
  slug: string,
): Promise<boolean> {
  const owner = ownerClause(partnerId, 2);
  return (
    (await tx.execute(`DELETE FROM channels WHERE slug = $1 AND ${owner.sql}`, [
      slug,
      ...owner.params,
    ])) > 0
  );
}

export async function findChannels(
  tx: SqlExecutor,
  partnerId: string | undefined,
  slug?: string,
): Promise<Channel[]> {
  const owner = ownerClause(partnerId, 1);
  const bySlug = slug === undefined ? '' : ` AND slug = $${owner.params.length + 1}`;
  const rows = await tx.query<ChannelRow>(
    `SELECT ${CHANNEL_COLUMNS} FROM channels WHERE ${owner.sql}${bySlug} ORDER BY slug`,
    slug === undefined ? owner.params : [...owner.params, slug],
  );
  return rows.map(channelOf);
}
