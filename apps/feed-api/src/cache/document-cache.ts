import type { Article } from '@depeche/article';
import { Logger } from '@nestjs/common';
import { ByteLru } from './byte-lru';
import type { BuiltDocument, DocumentSpec } from './document-spec';
import { LeadingDebounce } from './leading-debounce';
import { representationBytes } from './representation';

interface Entry {
  readonly spec: DocumentSpec;
  document: BuiltDocument;
  dirty: boolean;
}

/** A first build in flight; `changed` once a story changed while it read what it renders. */
interface FirstBuild {
  readonly promise: Promise<BuiltDocument>;
  changed: boolean;
}

export interface DocumentCacheOptions {
  readonly capacity: number;
  /** Bytes of representations held at most (every coding counted). */
  readonly maxBytes: number;
  /** Changes within this window are rebuilt together. */
  readonly debounceMs: number;
  readonly now: () => Date;
  /** Called after each build, first or rebuild: renders are counted here, never per request. */
  readonly onBuilt?: (spec: DocumentSpec) => void;
}

/** Rounds of rebuilds `current` waits through while changes keep marking its document. */
const MAX_CURRENT_ROUNDS = 5;

/** Rough heap cost of a document's member ids, beside its bytes. */
const BYTES_PER_MEMBER = 64;

function bytesOf(document: BuiltDocument): number {
  const representation = document.representation;
  return (
    (representation ? representationBytes(representation) : 0) +
    document.members.size * BYTES_PER_MEMBER
  );
}

/**
 * Rendered documents, built on first request and rebuilt on change, never per request.
 *
 * A change marks the documents it can affect (those carrying the story, and those it may now enter)
 * dirty and triggers a rebuild on the leading edge: at once when none ran in the last
 * `debounceMs`, else at the end of that window, together with every change marked meanwhile. So a
 * lone change is visible after one build, and a burst costs each document one rebuild per window.
 * Until the rebuild the previous bytes are served. Least recently used documents are dropped
 * beyond `capacity` entries or `maxBytes` (a 50-story full-text feed is ~300 KB in three codings).
 */
export class DocumentCache {
  private readonly logger = new Logger('feed-api');
  private readonly entries: ByteLru<Entry>;
  private readonly building = new Map<string, FirstBuild>();
  private readonly debounce: LeadingDebounce;
  private rebuilding: Promise<void> = Promise.resolve();
  private rebuilds = 0;
  private roundRunning = false;

  constructor(private readonly options: DocumentCacheOptions) {
    this.entries = new ByteLru(options.maxBytes, options.capacity);
    this.debounce = new LeadingDebounce(options.debounceMs, () => {
      this.rebuilding = this.rebuilding.then(() => this.rebuildDirty());
    });
  }

  /** Documents held, for tests and metrics. */
  get size(): number {
    return this.entries.size;
  }

  /** Bytes held, for tests and metrics. */
  get bytes(): number {
    return this.entries.bytes;
  }

  /** The cached document of `key`, if any, without building: the hot path's synchronous look-up. */
  cached(key: string): BuiltDocument | undefined {
    return this.entries.get(key)?.document;
  }

  /** The document, built now if it is not cached (concurrent first requests share one build). */
  async get(spec: DocumentSpec): Promise<BuiltDocument> {
    const entry = this.entries.get(spec.key);
    if (entry) return entry.document;
    const pending = this.building.get(spec.key);
    if (pending) return pending.promise;
    const first: FirstBuild = {
      promise: spec.build(this.options.now()).finally(() => this.building.delete(spec.key)),
      changed: false,
    };
    this.building.set(spec.key, first);
    const document = await first.promise;
    this.options.onBuilt?.(spec);
    if (spec.keepEmpty === false && document.members.size === 0) return document;
    // A change applied while the build awaited (a database read) is not in these bytes, and the
    // entry was not there to be marked: without this the stale document would be served until
    // the next change to it.
    this.entries.set(spec.key, { spec, document, dirty: first.changed }, bytesOf(document));
    if (first.changed) this.debounce.trigger();
    return document;
  }

  /**
   * The document as it stands after every change marked so far: built if not cached, and when a
   * change has marked it, rebuilt before it is returned (waiting for the rebuild round). For a
   * reader that must not get bytes older than a change it knows of (the WebSub hub); everyone
   * else is served the previous bytes until the rebuild, as the debounce intends.
   */
  async current(spec: DocumentSpec): Promise<BuiltDocument> {
    const document = await this.get(spec);
    let entry = this.entries.get(spec.key);
    // A round that rebuilds it right now has cleared the mark but not yet swapped the bytes; a
    // round that started before the mark does not clear it: wait until neither holds.
    const stale = (): boolean => entry?.dirty === true || this.roundRunning;
    for (let round = 0; stale() && round < MAX_CURRENT_ROUNDS; round++) {
      await this.settled();
      entry = this.entries.get(spec.key);
    }
    return entry?.document ?? document;
  }

  /** Marks the documents these changed stories can affect, and schedules their rebuild. */
  storiesChanged(articles: readonly Article[]): void {
    if (articles.length === 0) return;
    const now = this.options.now();
    let marked = false;
    // Builds in flight have no members yet to test: any change may be missing from them.
    for (const first of this.building.values()) first.changed = true;
    for (const [, entry] of this.entries.entries()) {
      if (entry.dirty) continue;
      const affected = articles.some(
        (article) => entry.document.members.has(article.id) || entry.spec.mayAdmit(article, now),
      );
      if (affected) entry.dirty = marked = true;
    }
    if (marked) this.debounce.trigger();
  }

  /** Marks documents whose time window moved on (staleAt reached). */
  tick(): void {
    const now = this.options.now().getTime();
    let marked = false;
    for (const [, entry] of this.entries.entries()) {
      const staleAt = entry.document.staleAt?.getTime();
      if (!entry.dirty && staleAt !== undefined && staleAt <= now) entry.dirty = marked = true;
    }
    if (marked) this.debounce.trigger();
  }

  /** How many rebuilds ran: tests check that a burst is coalesced. */
  rebuildCount(): number {
    return this.rebuilds;
  }

  /** Resolves when no rebuild is scheduled or running. */
  async settled(): Promise<void> {
    while (this.debounce.pending) await new Promise((resolve) => setTimeout(resolve, 5));
    await this.rebuilding;
  }

  stop(): Promise<void> {
    this.debounce.cancel();
    return this.rebuilding;
  }

  private async rebuildDirty(): Promise<void> {
    this.roundRunning = true;
    try {
      await this.rebuildEach();
    } finally {
      this.roundRunning = false;
    }
  }

  private async rebuildEach(): Promise<void> {
    for (const [key, entry] of [...this.entries.entries()]) {
      if (!entry.dirty) continue;
      // Cleared first: a change arriving during the build marks it again for the next round.
      entry.dirty = false;
      try {
        entry.document = await entry.spec.build(this.options.now());
        this.options.onBuilt?.(entry.spec);
        this.entries.replace(key, entry, bytesOf(entry.document));
        this.rebuilds++;
      } catch (error) {
        this.logger.error(`rebuilding ${key} failed; serving the previous one: ${String(error)}`);
      }
      // Let requests in between two rebuilds.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
