import type { Article } from '@depeche/article';
import type { Reader } from './reader';

/**
 * When a reader's view last changed otherwise than by a version it carries (FeedInput.changedAt):
 * - a story it carries entered the view when its embargo lifted;
 * - a story it would carry but for its withdrawal or the expiry of its rights left the view then.
 * Without this, a withdrawal of the newest story moved Last-Modified back, a lift of an older one
 * left it where it was, and a client asking If-Modified-Since was told 304 over changed content.
 * Derived from the stories alone, so every rebuild and every process gives the same time and bytes.
 */
export function viewChangedAt(
  reader: Reader,
  held: readonly Article[],
  carried: readonly Article[],
  now: Date,
): Date | undefined {
  const at = now.getTime();
  let newest: number | undefined;
  const isNewer = (time: number | undefined): time is number =>
    time !== undefined && time <= at && (newest === undefined || time > newest);
  for (const article of carried) {
    const lift = timeOf(article.embargoUntil);
    if (isNewer(lift)) newest = lift;
  }
  for (const article of held) {
    const left = departureOf(article);
    if (isNewer(left) && wouldShow(reader, article, now)) newest = left;
  }
  return newest === undefined ? undefined : new Date(newest);
}

/** Whether the story may leave or has left a view at a time of its own (withdrawal, expiry). */
export function mayDepart(article: Article): boolean {
  return article.change === 'withdrawn' || article.rights.expiresAt !== undefined;
}

/** Whether `reader` would see the story were it neither withdrawn nor out of rights. */
export function wouldShow(reader: Reader, article: Article, now: Date): boolean {
  const { expiresAt: _expiry, ...rights } = article.rights;
  const live: Article = { ...article, change: 'updated', rights };
  return reader.visibility(live, now).visible;
}

function departureOf(article: Article): number | undefined {
  if (article.change === 'withdrawn') return timeOf(article.withdrawnAt ?? article.updatedAt);
  return timeOf(article.rights.expiresAt);
}

function timeOf(iso: string | undefined): number | undefined {
  if (iso === undefined) return undefined;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : time;
}
