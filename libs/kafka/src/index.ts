export * from './create-kafka';
export * from './ensure-topics';
export * from './backoff';
export * from './dead-letter';
export * from './resilient-consumer';
export * from './chunk-by-bytes';
export * from './rebalance';
export * from './pipeline-topics.env';
