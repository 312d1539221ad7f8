import type { Visibility } from './entitlement';

/**
 * Whether a change takes a story out of a reader's view for good, so the reader must take it down:
 * the reader saw the story as it was, and the new version is hidden from it for a reason that no
 * time will lift (another section, language or territory, rights expired, a channel filter).
 * An embargo is not one: the version appears when it lifts (a `released` change), and meanwhile
 * the reader keeps what it had. Pull (the change stream) and push decide it here, alike.
 */
export function leavesTheView(before: Visibility, after: Visibility): boolean {
  return (
    before.visible && !after.visible && after.reason !== 'embargo' && after.reason !== 'withdrawn'
  );
}
