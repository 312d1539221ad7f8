export * from './unique-name';
export * from './test-databases';
export * from './test-kafka';
export * from './kcat';
export * from './sample-article';
export * from './app-process';
export * from './wait-for';
export * from './sample-event';
