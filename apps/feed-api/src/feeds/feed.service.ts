import type { Article } from '@depeche/article';
import { Injectable } from '@nestjs/common';
import type { Audience } from '../audience/audience';
import { FeedApiEnv } from '../config/feed-api.env';
import type { FeedConsistency } from '@depeche/contracts';
import { Problem } from '@depeche/observability';
import { PROBLEM_TYPES } from '../http/problem';
import type { BuiltDocument } from '../cache/document-spec';
import { prepareResponse } from '../http/prepared-response';
import { FeedRuntime } from '../runtime/feed-runtime';
import { FeedStores } from '../runtime/feed-stores';
import { ArchiveDays, isOpenDay, utcDay } from './archive-days';
import { CONSISTENCY_WAIT_MS } from './feed-consistency';
import {
  ARCHIVE_FILE,
  FEED_FILE,
  type ArchiveParams,
  type ArchiveQuery,
  type FeedParams,
  type FeedQuery,
} from './feed.params';
import {
  archiveDocument,
  DEFAULT_FEED_LIMIT,
  subscriptionDocument,
  subscriptionKey,
  type FeedDocumentsDeps,
} from './feed-documents';
import { FEED_EXTENSIONS, type FeedExtension } from './feed-format';
import type { ArchiveAnswer, FeedAnswer, FeedAnswers } from './feed-answer';
import { FeedLinks } from './feed-links';
import type { Reader } from './reader';
import { ReaderDirectory } from './reader-directory';

/** The channel and extension of a file FEED_FILE matched (the DTO or the front door checked it). */
function feedFileOf(file: string): { slug: string; ext: FeedExtension } {
  const [, slug = '', extension] = FEED_FILE.exec(file) ?? [];
  return { slug, ext: extension as FeedExtension };
}

/** Feeds and their archive pages, from the document cache. */
@Injectable()
export class FeedService {
  private readonly deps: FeedDocumentsDeps;
  /**
   * The answers of each subscription document, made once per build: its key fixes the reader (so
   * Cache-Control) and the self link, and a rebuild is a new document object.
   */
  private readonly answers = new WeakMap<BuiltDocument, FeedAnswers>();

  constructor(
    private readonly runtime: FeedRuntime,
    private readonly readers: ReaderDirectory,
    private readonly stores: FeedStores,
    env: FeedApiEnv,
  ) {
    this.deps = {
      index: runtime.index,
      older: runtime.older,
      links: new FeedLinks(env),
      archive: new ArchiveDays(this.stores.articles),
    };
  }

  async feed(
    audience: Audience,
    params: FeedParams,
    query: FeedQuery,
    consistency?: FeedConsistency,
  ): Promise<FeedAnswer> {
    const { slug, ext } = feedFileOf(params.file);
    const reader = await this.readers.readerOf(audience, slug, FEED_EXTENSIONS[ext]);
    const limit = query.limit ?? DEFAULT_FEED_LIMIT;
    const { cache } = this.runtime;
    if (consistency !== undefined) {
      await this.catchUpWith(consistency);
      const document = await cache.current(subscriptionDocument(this.deps, reader, ext, limit));
      return this.answersOf(document, reader, slug, ext, limit).hit;
    }
    const cached = cache.cached(subscriptionKey(reader, ext, limit));
    const document =
      cached ?? (await cache.get(subscriptionDocument(this.deps, reader, ext, limit)));
    const answers = this.answersOf(document, reader, slug, ext, limit);
    return cached === undefined ? answers.miss : answers.hit;
  }

  /**
   * feed's answer when the reader and the document are both cached (the steady state of a
   * polled feed), without awaiting anything; undefined when feed would read, build or refuse.
   */
  feedAtOnce(audience: Audience, file: string, limit = DEFAULT_FEED_LIMIT): FeedAnswer | undefined {
    const { slug, ext } = feedFileOf(file);
    const reader = this.readers.readerAtOnce(audience, slug, FEED_EXTENSIONS[ext]);
    if (reader === undefined) return undefined;
    const document = this.runtime.cache.cached(subscriptionKey(reader, ext, limit));
    return document && this.answersOf(document, reader, slug, ext, limit).hit;
  }

  /**
   * The bound a page of `day` is served with. A subscription document only ever links a day still
   * open, bounded by the first publication of a story its reader sees; any other instant would be
   * a page and a cache entry of its own, for nothing. So: a day over is served whole (its set no
   * longer grows, and it holds what any bound of it held); on the open day, `upto` must be the
   * first publication of a story this reader sees, else 404. Only such a story: a bound naming an
   * embargoed story, or one of a section the reader lacks, would tell any client that the story
   * exists and when it was filed (a 404 for every other instant).
   */
  private async pageBound(
    reader: Reader,
    day: string,
    requested: string,
  ): Promise<string | undefined> {
    const upto = uptoWithin(day, requested);
    const now = this.now();
    if (!isOpenDay(day, now)) return undefined;
    const names = (article: Article): boolean =>
      article.firstPublishedAt === upto && reader.visibility(article, now).visible;
    // The index first; the store for a reader whose newest stories are past the index's window.
    if (this.runtime.index.newestFirst().some(names)) return upto;
    if (await this.deps.archive.seesOneFirstPublishedAt(reader, upto, now)) return upto;
    throw new Problem(
      404,
      `No archive page of ${day} ends at ${upto}; the subscription document links to the current one.`,
    );
  }

  /** This process's clock (a test's manual one in specs). */
  now(): Date {
    return this.runtime.clock.now();
  }

  /**
   * Waits for this process's view to reflect `consistency`; 503 (retry soon) if it does not in
   * time. A change the log does not hold yet is a 400: nothing would come of the wait.
   */
  private async catchUpWith({ afterChange, afterTime }: FeedConsistency): Promise<void> {
    const { follower } = this.runtime;
    if (afterChange > follower.latestSeq && afterChange > (await this.stores.changes.latestSeq())) {
      throw new Problem(400, `The change log holds no change ${afterChange}.`, {
        type: PROBLEM_TYPES.badParameter,
      });
    }
    if (await follower.caughtUpWith(afterChange, afterTime, CONSISTENCY_WAIT_MS)) return;
    throw new Problem(
      503,
      `This feed-api process has not yet applied change ${afterChange} and the lifts due by ${afterTime.toISOString()}; it serves change ${follower.latestSeq}.`,
      { headers: { 'retry-after': '1' } },
    );
  }

  private answersOf(
    document: BuiltDocument,
    reader: Reader,
    slug: string,
    ext: FeedExtension,
    limit: number,
  ): FeedAnswers {
    let answers = this.answers.get(document);
    if (answers === undefined) {
      const self = this.deps.links.feed(
        slug,
        ext,
        limit === DEFAULT_FEED_LIMIT ? undefined : limit,
      );
      const prepared = prepareResponse({
        representation: document.representation,
        cacheControl: reader.cacheControl,
        links: this.deps.links.headerLinks(self),
      });
      const common = { prepared, articleIds: [...document.members], format: FEED_EXTENSIONS[ext] };
      answers = { hit: { ...common, cache: 'hit' }, miss: { ...common, cache: 'miss' } };
      this.answers.set(document, answers);
    }
    return answers;
  }

  async archive(
    audience: Audience,
    params: ArchiveParams,
    query: ArchiveQuery,
  ): Promise<ArchiveAnswer> {
    const [, day = '', extension] = ARCHIVE_FILE.exec(params.file) ?? [];
    const ext = extension as FeedExtension;
    // Date.parse rolls 2025-02-30 over to March 1: only a day that reads back unchanged is one.
    const parsed = Date.parse(`${day}T00:00:00Z`);
    if (Number.isNaN(parsed) || new Date(parsed).toISOString().slice(0, 10) !== day) {
      throw new Problem(400, `${day} is not a calendar day.`, { type: PROBLEM_TYPES.badParameter });
    }
    const reader = await this.readers.readerOf(audience, params.channel, FEED_EXTENSIONS[ext]);
    // No page for a day to come: the open day's is the newest there is (nothing read for it).
    if (day > utcDay(this.now().toISOString())) {
      throw new Problem(404, `The channel has no archive page for ${day}.`);
    }
    const upto =
      query.upto === undefined ? undefined : await this.pageBound(reader, day, query.upto);
    const page = upto === undefined ? { day } : { day, upto };
    const document = await this.runtime.cache.get(archiveDocument(this.deps, reader, page, ext));
    if (document.members.size === 0) {
      throw new Problem(404, `The channel has no archive page for ${day}.`);
    }
    return {
      representation: document.representation,
      cacheControl: reader.cacheControl,
      links: this.deps.links.headerLinks(this.deps.links.archive(params.channel, day, ext, upto)),
      articleIds: [...document.members],
      format: FEED_EXTENSIONS[ext],
    };
  }
}

/**
 * `upto` as the one spelling a story's firstPublishedAt has (UTC, milliseconds), inside `day`:
 * each page then has one URL and one cache entry, and a bound on another day is a client's error.
 */
function uptoWithin(day: string, upto: string): string {
  const time = Date.parse(upto);
  const canonical = Number.isNaN(time) ? undefined : new Date(time).toISOString();
  if (canonical === undefined || utcDay(canonical) !== day) {
    throw new Problem(400, `upto must be a time on ${day} (UTC), such as ${day}T12:00:00.000Z.`, {
      type: PROBLEM_TYPES.badParameter,
    });
  }
  return canonical;
}
