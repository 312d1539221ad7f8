export * from './config-error';
export * from './load-config';
export * from './required-variables';
export * from './common-env';
