import type { Article } from '@depeche/article';
import type { Entitlement, Visibility } from './entitlement';
import { itemVisibility } from './item-visibility';

/** A change of the change log as the rule reads it: its kind and when it was recorded. */
export interface RecordedChange {
  readonly change: string;
  readonly recordedAt: string;
}

/**
 * Whether a partner sees one change of the stream, and how.
 *
 * Decided at the time the change was recorded, not at the time of reading: the answer for a given
 * change and partner never changes, so a cursor can move past an unseen change for good, and a
 * change is delivered at most once however often the stream is read.
 *
 * Embargoes: a change recorded while its story was embargoed is seen by `early` partners (marked
 * embargoed) and not by `on-lift` ones. For those, the feed API appends a `released` change when
 * the embargo lifts (libs/persistence change-release.ts), which delivers the story to them, and
 * only to them: `early` partners had it already. A withdrawal is seen by whoever saw the story.
 * (The `released` change is written by libs/persistence change-release.ts.)
 *
 * `article` is the version the change recorded (its facts: version-facts.ts).
 */
export function changeVisibility(
  entitlement: Entitlement,
  change: RecordedChange,
  article: Article,
): Visibility {
  const at = new Date(change.recordedAt);
  const seen = itemVisibility(entitlement, article, at);
  if (change.change === 'released' && entitlement.embargo === 'early') {
    return { visible: false, reason: 'embargo' };
  }
  return seen;
}
