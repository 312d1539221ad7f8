import type { PulledContent } from '../audit/pull-log';
import type { PreparedResponse } from '../http/prepared-response';
import type { Served } from '../http/served';
import type { FeedDocumentFormat } from './feed-format';

/**
 * A subscription document ready to send, with what the route counts and records about it. Made
 * once per document build, in a hit and a miss variant, so a request allocates nothing for it.
 */
export interface FeedAnswer extends PulledContent {
  readonly prepared: PreparedResponse;
  /** Whether the document was in the cache or had to be built for this request. */
  readonly cache: 'hit' | 'miss';
  readonly format: FeedDocumentFormat;
}

export type FeedAnswers = Readonly<Record<FeedAnswer['cache'], FeedAnswer>>;

/** An archive page to send, with what a pull of it records. */
export interface ArchiveAnswer extends Served, PulledContent {}
