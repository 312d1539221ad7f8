import type { Article } from '@depeche/article';
import { versionTime } from '../article-times';
import { expectedText, pythonStrip, toSecond } from './expected-text';
import { expectSame } from './expect-same';
import type { Oracles, Verdict } from './oracles';
import type { AllRenditions } from './render-all';

/** RFC 822 §5 date-time with a four-digit year and a numeric zone, nothing else. */
export const RFC_822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/;

function expectAccepted(verdict: Verdict): void {
  // On failure jest prints the whole verdict, i.e. the oracle's own message.
  expect(verdict).toEqual(expect.objectContaining({ ok: true }));
}

/**
 * Every independent validator accepts every rendition, and feedparser reads in RSS and Atom the
 * titles, ids and dates we meant. `articles` are the stories as given to the renderers.
 */
export async function expectValidatorsAccept(
  oracles: Oracles,
  articles: readonly Article[],
  all: AllRenditions,
): Promise<void> {
  const { checkFeed, readFeedEntries, readXmlTexts, validateAtom, validateJsonFeed } = oracles;
  const { validateNewsml, validateNinjsItems } = oracles;
  const shown = articles.filter((article) => article.change !== 'withdrawn');
  const newsml = validateNewsml(...all.newsItems.map((r) => r.body), all.newsMessage.body);
  const atom = validateAtom(all.atom.body);
  const json = validateJsonFeed(all.jsonFeed.body);
  const ninjs = validateNinjsItems(all.ninjs.map((r) => r.body));
  const minEntries = shown.length > 0 ? 1 : 0;
  const rssCheck = checkFeed(all.rss.body, { minEntries });
  const atomCheck = checkFeed(all.atom.body, { minEntries });
  for (const verdict of await Promise.all([newsml, atom, json, ninjs, rssCheck, atomCheck])) {
    expectAccepted(verdict);
  }

  const titles = shown.map((article) => pythonStrip(expectedText(article.headline)));
  const ids = shown.map((article) => article.guid);
  const published = shown.map((article) => toSecond(article.firstPublishedAt));
  const updated = shown.map((article) => toSecond(versionTime(article).toISOString()));

  const rss = await readFeedEntries(all.rss.body);
  expect({ bozo: rss.bozo, exception: rss.bozoException }).toEqual({
    bozo: false,
    exception: null,
  });
  // We write RSS titles as plain text (RSS Advisory Board: titles hold no HTML). RSS 2.0 does not
  // say so, and feedparser guesses: a title holding a closing tag or an entity-like sequence that
  // it takes for HTML, it reads as HTML (feedparser/mixin.py looks_like_html). Those are compared
  // as what they are, text that looks like markup; every other title must read back exactly.
  const guessedHtml = rss.entries.map((e) => e.titleType === 'text/html');
  expectSame(
    'RSS titles (feedparser, read as text)',
    rss.entries.map((e, i) => (guessedHtml[i] ? null : e.title)),
    titles.map((title, i) => (guessedHtml[i] ? null : title)),
  );
  expectSame(
    'RSS titles feedparser read as HTML hold a closing tag or an entity-like sequence',
    titles.filter((_, i) => guessedHtml[i]).map((title) => /<\/\w+>|&#?\w+;/.test(title)),
    titles.filter((_, i) => guessedHtml[i]).map(() => true),
  );
  expectSame(
    'RSS guids (feedparser)',
    rss.entries.map((e) => e.id),
    ids,
  );
  expectSame(
    'RSS pubDates (feedparser)',
    rss.entries.map((e) => e.published),
    published,
  );

  const atomReading = await readFeedEntries(all.atom.body);
  expect({ bozo: atomReading.bozo, exception: atomReading.bozoException }).toEqual({
    bozo: false,
    exception: null,
  });
  expectSame(
    'Atom titles (feedparser)',
    atomReading.entries.map((e) => e.title),
    titles,
  );
  expectSame(
    'Atom ids (feedparser)',
    atomReading.entries.map((e) => e.id),
    ids,
  );
  expectSame(
    'Atom published (feedparser)',
    atomReading.entries.map((e) => e.published),
    published,
  );
  expectSame(
    'Atom updated (feedparser)',
    atomReading.entries.map((e) => e.updated),
    updated,
  );

  // feedparser accepts loose dates; RSS dates are checked strictly here.
  const dates = await readXmlTexts(all.rss.body, {
    text: { pubDates: '/rss/channel/item/pubDate', built: '/rss/channel/lastBuildDate' },
  });
  const rssDates = [...(dates.text.built ?? []), ...(dates.text.pubDates ?? [])];
  expectSame(
    'RSS dates matching RFC 822 with a numeric zone',
    rssDates.map((date) => RFC_822.test(date)),
    rssDates.map(() => true),
  );
  expectSame(
    'RSS pubDates as instants',
    (dates.text.pubDates ?? []).map((date) => toSecond(new Date(Date.parse(date)).toISOString())),
    published,
  );
}
