import type { Article } from '@depeche/article';
import { Logger } from '@nestjs/common';
import type { BuiltDocument, DocumentSpec } from './document-spec';

interface Entry {
  readonly spec: DocumentSpec;
  document: BuiltDocument;
  dirty: boolean;
}

export interface DocumentCacheOptions {
  readonly capacity: number;
  /** Changes within this window are rebuilt together. */
  readonly debounceMs: number;
  readonly now: () => Date;
}

/**
 * Rendered documents, built on first request and rebuilt on change, never per request.
 *
 * A change marks the documents it can affect (those carrying the story, and those it may now enter)
 * dirty; one timer, started by the first mark and not pushed back by later ones, rebuilds them all
 * together, so a burst of changes costs each document one rebuild and the wait is bounded by
 * `debounceMs`. Until the rebuild the previous bytes are served. Least recently used documents are
 * dropped beyond `capacity`: a Map iterates in insertion order, and every use re-inserts.
 */
export class DocumentCache {
  private readonly logger = new Logger('feed-api');
  private readonly entries = new Map<string, Entry>();
  private readonly building = new Map<string, Promise<BuiltDocument>>();
  private timer: NodeJS.Timeout | undefined;
  private rebuilding: Promise<void> = Promise.resolve();
  private rebuilds = 0;

  constructor(private readonly options: DocumentCacheOptions) {}

  /** The document, built now if it is not cached (concurrent first requests share one build). */
  async get(spec: DocumentSpec): Promise<BuiltDocument> {
    const entry = this.entries.get(spec.key);
    if (entry) {
      this.entries.delete(spec.key);
      this.entries.set(spec.key, entry);
      return entry.document;
    }
    const pending = this.building.get(spec.key);
    if (pending) return pending;
    const build = spec.build(this.options.now()).finally(() => this.building.delete(spec.key));
    this.building.set(spec.key, build);
    const document = await build;
    this.entries.set(spec.key, { spec, document, dirty: false });
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.options.capacity) break;
      this.entries.delete(key);
    }
    return document;
  }

  /** Marks the documents these changed stories can affect, and schedules their rebuild. */
  storiesChanged(articles: readonly Article[]): void {
    if (articles.length === 0) return;
    const now = this.options.now();
    let marked = false;
    for (const entry of this.entries.values()) {
      if (entry.dirty) continue;
      const affected = articles.some(
        (article) => entry.document.members.has(article.id) || entry.spec.mayAdmit(article, now),
      );
      if (affected) entry.dirty = marked = true;
    }
    if (marked) this.schedule();
  }

  /** Marks documents whose time window moved on (staleAt reached). */
  tick(): void {
    const now = this.options.now().getTime();
    let marked = false;
    for (const entry of this.entries.values()) {
      const staleAt = entry.document.staleAt?.getTime();
      if (!entry.dirty && staleAt !== undefined && staleAt <= now) entry.dirty = marked = true;
    }
    if (marked) this.schedule();
  }

  /** How many rebuilds ran: tests check that a burst is coalesced. */
  rebuildCount(): number {
    return this.rebuilds;
  }

  /** Resolves when no rebuild is scheduled or running. */
  async settled(): Promise<void> {
    while (this.timer !== undefined) await new Promise((resolve) => setTimeout(resolve, 5));
    await this.rebuilding;
  }

  stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    return this.rebuilding;
  }

  private schedule(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.rebuilding = this.rebuilding.then(() => this.rebuildDirty());
    }, this.options.debounceMs);
  }

  private async rebuildDirty(): Promise<void> {
    for (const [key, entry] of [...this.entries]) {
      if (!entry.dirty) continue;
      // Cleared first: a change arriving during the build marks it again for the next round.
      entry.dirty = false;
      try {
        entry.document = await entry.spec.build(this.options.now());
        this.rebuilds++;
      } catch (error) {
        this.logger.error(`rebuilding ${key} failed; serving the previous one: ${String(error)}`);
      }
      // Let requests in between two rebuilds.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
