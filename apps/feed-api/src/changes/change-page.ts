import type { ChangeKind } from '@depeche/persistence';

/** One change as a partner reads it. */
export interface ChangeEntry {
  /** Resume right after this change. */
  readonly cursor: string;
  readonly id: string;
  readonly guid: string;
  readonly version: number;
  /**
   * `released`: the story's embargo lifted; it is now yours. `revoked`: this version left your
   * entitlement (another section, language or territory, rights expired): take the story down
   * (see the README).
   */
  readonly change: ChangeKind | 'revoked';
  readonly recordedAt: string;
  /** True for an `early` partner's change of a story still under embargo. */
  readonly embargoed: boolean;
  readonly embargoUntil?: string;
  /** The version's item, in any format the partner may use. */
  readonly href: string;
}

export interface ChangePage {
  readonly changes: readonly ChangeEntry[];
  /** Send it back to continue; it moves past changes you may not see, too. */
  readonly cursor: string;
  /** More changes are waiting: ask again at once. */
  readonly more: boolean;
}
