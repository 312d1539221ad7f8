// @ts-check
/** Three tiers (STYLE.md): unit needs no services; integration runs on a real Kafka, PostgreSQL and SQLite. */
const { readFileSync } = require('node:fs');

const swcrc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swcrc.$schema;
// Path aliases are resolved by jest's moduleNameMapper; swc only strips types and keeps decorator metadata.
delete swcrc.jsc.paths;
delete swcrc.jsc.baseUrl;

/** @type {import('jest').Config['moduleNameMapper']} */
const moduleNameMapper = { '^@depeche/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts' };

/** @type {Partial<import('jest').Config>} */
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  // feed is published as ESM only; let swc turn it into CommonJS for jest.
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  transformIgnorePatterns: ['/node_modules/(?!(feed)/)'],
  moduleNameMapper,
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/dist.next/', '<rootDir>/.cache/'],
  setupFiles: ['reflect-metadata'],
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,tools,test}/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,tools,test}/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/tools/test/global-setup.ts',
      globalTeardown: '<rootDir>/tools/test/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/tools/test/integration-timeout.ts'],
    },
  ],
};
