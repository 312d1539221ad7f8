/** A document both ceilings serve exactly as depeche served it. */
export interface StaticRoute {
  /** URL path, also the file's path under the ceilings' document root (`/feed.rss`). */
  readonly path: string;
  readonly contentType: string;
  /** depeche's own headers that do not depend on the bytes: cache-control, vary, link, last-modified. */
  readonly headers: Record<string, string>;
  readonly identityFile: string;
  /** `<identityFile>.gz`, the gzip bytes depeche sent (nginx's gzip_static names it so). */
  readonly gzipFile?: string;
  /** depeche's ETags, for the node:http ceiling (nginx computes its own from mtime and size). */
  readonly etag?: string;
  readonly etagGzip?: string;
}

export interface NodeCeilingConfig {
  readonly routes: readonly StaticRoute[];
}
