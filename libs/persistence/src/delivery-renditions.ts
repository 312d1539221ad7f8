import { insertRows } from './sql-batch';
import type { SqlExecutor } from './sql-database';

/** What identifies one rendition of one version: rendered once, pushed to every endpoint wanting it. */
export interface RenditionKey {
  readonly guid: string;
  readonly version: number;
  readonly format: string;
  readonly level: string;
  readonly embargoed: boolean;
}

export interface StoredRendition extends RenditionKey {
  readonly mediaType: string;
  /** UTF-8 text: every push format is XML or JSON. */
  readonly body: string;
}

export function renditionKeyString(key: RenditionKey): string {
  return `${key.guid}|${key.version}|${key.format}|${key.level}|${key.embargoed ? 'e' : '-'}`;
}

/** The rendition cache of push deliveries, written with the deliveries that carry it. */
export class DeliveryRenditions {
  constructor(private readonly db: SqlExecutor) {}

  /** In the fan-out's transaction; a rendition already there (an item seen twice) is kept. */
  static async put(
    tx: SqlExecutor,
    renditions: readonly StoredRendition[],
    now: Date,
  ): Promise<void> {
    await insertRows(
      tx,
      'delivery_renditions',
      ['guid', 'version', 'format', 'level', 'embargoed', 'media_type', 'body', 'created_at'],
      renditions.map((r) => [
        r.guid,
        r.version,
        r.format,
        r.level,
        r.embargoed,
        r.mediaType,
        r.body,
        now.toISOString(),
      ]),
      'ON CONFLICT (guid, version, format, level, embargoed) DO NOTHING',
    );
  }

  async get(key: RenditionKey): Promise<StoredRendition | undefined> {
    const [row] = await this.db.query<{ media_type: string; body: string }>(
      `SELECT media_type, body FROM delivery_renditions
       WHERE guid = $1 AND version = $2 AND format = $3 AND level = $4 AND embargoed = $5`,
      [key.guid, key.version, key.format, key.level, key.embargoed],
    );
    return row ? { ...key, mediaType: row.media_type, body: row.body } : undefined;
  }
}
