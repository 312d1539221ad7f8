/** Default topic names; each app lets its configuration override them. */
export const TOPICS = {
  /** Article events from the newsroom CMS (and agency wire copy). Key = article id. */
  articleEvents: 'articles.events',
  /** Events that can never be processed, with the reason in headers and the original bytes. */
  articleEventsDeadLetter: 'articles.events.dlq',
  /** Each accepted change, normalised, for the distributor and the dashboards. Key = article id. */
  syndicationItems: 'syndication.items',
} as const;

export interface TopicSpec {
  readonly topic: string;
  readonly partitions: number;
}

/** What `npm start` and the deployment create: 6 partitions leave room for a few consumers per group. */
export const DEFAULT_TOPIC_SPECS: readonly TopicSpec[] = [
  { topic: TOPICS.articleEvents, partitions: 6 },
  { topic: TOPICS.articleEventsDeadLetter, partitions: 1 },
  { topic: TOPICS.syndicationItems, partitions: 6 },
];
