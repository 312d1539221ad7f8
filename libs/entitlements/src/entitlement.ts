import type { ContentLevel } from '@depeche/article';

/*
 * The data shapes live in @depeche/contracts (admin input, the partner store and these rules share
 * them; persistence may not import this lib). Re-exported here so callers need one import.
 */
export { FEED_FORMATS, EMBARGO_POLICIES } from '@depeche/contracts';
export type { ChannelFilter, EmbargoPolicy, Entitlement, FeedFormat } from '@depeche/contracts';

/** What a reader gets of one story at one instant. */
export type Visibility =
  | { readonly visible: false; readonly reason: HiddenReason }
  | { readonly visible: true; readonly level: ContentLevel; readonly embargoed: boolean };

/**
 * Why a story is hidden. When several apply, the first in this order is reported: withdrawn,
 * rights-expired, section, language, territory, embargo; `channel` (outside a channel's filter)
 * is checked after the entitlement.
 */
export type HiddenReason =
  'section' | 'language' | 'territory' | 'embargo' | 'rights-expired' | 'withdrawn' | 'channel';
