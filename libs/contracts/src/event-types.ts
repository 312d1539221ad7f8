/** The article events a CMS publishes, one per change of a story. */
export const ARTICLE_EVENT_TYPES = [
  'article.published',
  'article.updated',
  'article.corrected',
  'article.withdrawn',
] as const;
export type ArticleEventType = (typeof ARTICLE_EVENT_TYPES)[number];

/** The envelope versions this build understands; a newer one is dead-lettered, never guessed at. */
export const SUPPORTED_SCHEMA_VERSIONS = [1] as const;
export const CURRENT_SCHEMA_VERSION = 1;
