import type { SyndicationItem } from '@depeche/article';
import { PermanentError } from '@depeche/contracts';

/**
 * A syndication.items value, checked for what the fan-out relies on. ingest writes these, so a
 * failure means a bug or a stranger on the topic: the message is dead-lettered, never retried.
 */
export function readItem(value: Buffer | null): SyndicationItem {
  if (value === null || value.length === 0) throw new PermanentError('empty-value', 'no value');
  let parsed: unknown;
  try {
    parsed = JSON.parse(value.toString('utf8'));
  } catch (error) {
    throw new PermanentError('invalid-json', (error as Error).message);
  }
  const item = parsed as Partial<SyndicationItem> | null;
  const fields: string[] = [];
  if (typeof item?.articleId !== 'string') fields.push('articleId');
  if (typeof item?.guid !== 'string') fields.push('guid');
  if (!Number.isInteger(item?.version)) fields.push('version');
  if (typeof item?.change !== 'string') fields.push('change');
  if (typeof item?.storedAt !== 'string') fields.push('storedAt');
  if (typeof item?.article !== 'object' || item.article === null) fields.push('article');
  if (fields.length > 0) {
    throw new PermanentError(
      'schema-violation',
      `not a syndication item: ${fields.join(', ')}`,
      fields,
    );
  }
  return item as SyndicationItem;
}
