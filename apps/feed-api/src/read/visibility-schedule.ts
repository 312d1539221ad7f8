import type { Article } from '@depeche/article';
import { firstVisibilityChange, nextVisibilityChange } from '@depeche/entitlements';

/**
 * When the next story held changes visibility with no event (an embargo lifting, rights
 * expiring), so the poll loop can rebuild what it affects at that instant. Checked on every poll
 * tick against the injected clock, rather than with a timer, so a test clock moved forward is
 * honoured at the next tick just as the real one is.
 */
export class VisibilitySchedule {
  private nextAt: number | undefined;
  private checkedAt: Date;

  constructor(start: Date) {
    this.checkedAt = start;
  }

  /** Recomputes the next instant over every story held (after a load or a change). */
  plan(articles: readonly Article[], now: Date): void {
    this.nextAt = firstVisibilityChange(articles, now)?.getTime();
  }

  /** Folds one changed story into the plan. */
  include(article: Article, now: Date): void {
    const at = nextVisibilityChange(article, now)?.getTime();
    if (at !== undefined && (this.nextAt === undefined || at < this.nextAt)) this.nextAt = at;
  }

  /**
   * The stories whose visibility changed between the last check and `now`; empty until the next
   * planned instant is reached. The caller replans afterwards.
   */
  due(articles: readonly Article[], now: Date): Article[] {
    if (this.nextAt === undefined || this.nextAt > now.getTime()) return [];
    const since = this.checkedAt;
    this.checkedAt = now;
    return articles.filter((article) => {
      const at = nextVisibilityChange(article, since);
      return at !== undefined && at.getTime() <= now.getTime();
    });
  }
}
