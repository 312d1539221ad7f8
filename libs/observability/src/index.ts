export * from './liveness.controller';
export * from './start-http-app';
