export * from './create-kafka';
export * from './ensure-topics';
export * from './backoff';
export * from './dead-letter';
export * from './resilient-consumer';
