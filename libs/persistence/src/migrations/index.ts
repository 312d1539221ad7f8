import { ARTICLES } from './0001-articles';
import { PARTNERS } from './0002-partners';
import { LZ4_DOCUMENTS } from './0003-lz4-documents';
import { DISTRIBUTION } from './0004-distribution';
import { OPERATIONS } from './0005-operations';
import { DELIVERY_CLAIMS } from './0006-delivery-claims';
import { OUTBOX_BY_REFERENCE } from './0007-outbox-by-reference';
import { CHANGE_LOG_TRIGGERS } from './0008-change-log-triggers';
import { CHANGE_LOG_BY_STORY } from './0009-change-log-by-story';
import { ARTICLES_BY_FIRST_PUBLICATION } from './0010-articles-by-first-publication';
import { DELIVERIES_UNIQUE_PER_STORY } from './0011-deliveries-unique-per-story';
import { DELIVERY_REPORTS_RECORDED_ONCE } from './0012-delivery-reports-recorded-once';
import type { Migration } from './migration';

/** Every migration in the order it is applied. Append only: a released migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [
  ARTICLES,
  PARTNERS,
  LZ4_DOCUMENTS,
  DISTRIBUTION,
  OPERATIONS,
  DELIVERY_CLAIMS,
  OUTBOX_BY_REFERENCE,
  CHANGE_LOG_TRIGGERS,
  CHANGE_LOG_BY_STORY,
  ARTICLES_BY_FIRST_PUBLICATION,
  DELIVERIES_UNIQUE_PER_STORY,
  DELIVERY_REPORTS_RECORDED_ONCE,
];

export type { Migration };
