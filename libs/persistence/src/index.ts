export * from './sql-database';
export * from './postgres.database';
export * from './sqlite.database';
export * from './open-database';
export * from './migrate';
export * from './migrations';
export * from './article-store';
export * from './outbox.repository';
export { CHANGES_LOCK } from './article-store.batch-write';
