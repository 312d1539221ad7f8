/**
 * The highest article version ingest accepts: PostgreSQL's INTEGER (the store's version column)
 * holds at most 2^31 − 1. A larger one would pass every other check and then fail in the database
 * on every retry, blocking its partition; refused at the boundary instead, it is a dead letter.
 */
export const MAX_ARTICLE_VERSION = 2_147_483_647;
