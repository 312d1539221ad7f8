import { leavesTheView } from './view-departure';
import type { HiddenReason, Visibility } from './entitlement';

const shown: Visibility = { visible: true, level: 'full', embargoed: false };
const hidden = (reason: HiddenReason): Visibility => ({ visible: false, reason });

describe('a change takes a story out of a reader’s view', () => {
  it.each<HiddenReason>(['section', 'language', 'territory', 'rights-expired', 'channel'])(
    'when the reader saw it and the new version is hidden by %s',
    (reason) => {
      expect(leavesTheView(shown, hidden(reason))).toBe(true);
    },
  );

  it('not while an embargo hides the new version (it comes at the lift), nor by a withdrawal (its own change)', () => {
    expect(leavesTheView(shown, hidden('embargo'))).toBe(false);
    expect(leavesTheView(shown, hidden('withdrawn'))).toBe(false);
  });

  it('not when the reader never saw it, nor when it still does', () => {
    expect(leavesTheView(hidden('section'), hidden('language'))).toBe(false);
    expect(leavesTheView(shown, { visible: true, level: 'summary', embargoed: false })).toBe(false);
  });
});
