/**
 * Request headers with which a reader of a feed (the WebSub hub, before it distributes a change)
 * asks feed-api for a document that already reflects what the reader knows happened: every change
 * of the change log up to a position, and the embargo lifts and rights expiries due by a time.
 * feed-api waits a moment for its view to get there, or answers 503 and the reader retries later.
 * Without them the hub could fetch the feed before feed-api rebuilt it, push the old bytes and
 * call the change delivered.
 */
export const FEED_CONSISTENCY_HEADERS = {
  /** A change-log seq (decimal): the document reflects every change up to it. */
  afterChange: 'depeche-after-change',
  /** An RFC 3339 time: the document reflects lifts and expiries due by then. */
  afterTime: 'depeche-after-time',
} as const;

/** What a reader asks of a feed document; absent headers ask nothing. */
export interface FeedConsistency {
  readonly afterChange: number;
  readonly afterTime: Date;
}
