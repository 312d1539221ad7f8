/** Default topic names; each app lets its configuration override them. */
export const TOPICS = {
  /** Article events from the newsroom CMS (and agency wire copy). Key = article id. */
  articleEvents: 'articles.events',
  /** Events that can never be processed, with the reason in headers and the original bytes. */
  articleEventsDeadLetter: 'articles.events.dlq',
  /** Each accepted change, normalised, for the distributor and the dashboards. Key = article id. */
  syndicationItems: 'syndication.items',
  /** Delivery outcomes the distributor reports for the operators' dashboard. Key = article id. */
  opsEvents: 'ops.events',
} as const;

export interface TopicSpec {
  readonly topic: string;
  readonly partitions: number;
  /** Topic-level configuration, e.g. `max.message.bytes`. */
  readonly config?: Readonly<Record<string, string>>;
}

/** syndication.items' max.message.bytes (below). */
const ITEM_TOPIC_MAX_BYTES = 8 * 1024 * 1024;

/**
 * The largest normalised article (its JSON) an item may carry: what syndication.items takes, less
 * room for the item's other fields and headers. Ingest dead-letters an event whose article is
 * larger (`too-large`): the broker would refuse the item, and the outbox relay, which sends in
 * order, would stop there for good. Markup normalises to several times its size (a 1 MiB body of
 * `<p>a` repeated is a 14.5 MB article), so the event limit alone does not bound it.
 */
export const MAX_ITEM_ARTICLE_BYTES = ITEM_TOPIC_MAX_BYTES - 64 * 1024;

/** What `npm start` and the deployment create: 6 partitions leave room for a few consumers per group. */
export const DEFAULT_TOPIC_SPECS: readonly TopicSpec[] = [
  { topic: TOPICS.articleEvents, partitions: 6 },
  // A dead letter is the original message plus headers: it must fit where the original did.
  {
    topic: TOPICS.articleEventsDeadLetter,
    partitions: 1,
    config: { 'max.message.bytes': String(8 * 1024 * 1024) },
  },
  // A normalised item carries the article twice over (tree and plain text): an event at the 1 MiB
  // ingest limit can make an item over the broker's 1 MiB default.
  {
    topic: TOPICS.syndicationItems,
    partitions: 6,
    config: { 'max.message.bytes': String(ITEM_TOPIC_MAX_BYTES) },
  },
];
