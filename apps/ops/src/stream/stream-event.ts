/** What the dashboard's live stream shows, one line per thing that happened. */
export const STREAM_KINDS = [
  'received',
  'normalised',
  'dead-lettered',
  'delivered',
  'failed',
] as const;
export type StreamKind = (typeof STREAM_KINDS)[number];

export interface StreamEvent {
  readonly kind: StreamKind;
  /** When it happened (the Kafka message timestamp), ISO 8601. */
  readonly at: string;
  readonly articleId?: string;
  readonly version?: number;
  /** `article.published`, `published`, an error code, a partner… depending on the kind. */
  readonly detail: string;
  readonly correlationId?: string;
  /** Set when the event is a replay of a dead letter. */
  readonly replayedFrom?: string;
  /** topic/partition/offset of the message this line was read from. */
  readonly source: string;
}
