export * from './article';
export * from './guid';
export * from './word-count';
export * from './content-level';
export * from './syndication-item';
export * from './wire';
