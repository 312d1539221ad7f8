import { ConfigError, loadConfig } from '@depeche/config';
import { randomBytes } from 'node:crypto';
import { DistributorEnv } from './distributor.env';

const KEY = randomBytes(32).toString('base64');

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(DistributorEnv, env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems.map((p) => p.variable).sort();
  }
}

describe('distributor configuration', () => {
  it('starts with a 32-byte key and defaults', () => {
    const env = loadConfig(DistributorEnv, { DISTRIBUTOR_SECRET_KEY: KEY });
    expect(env).toMatchObject({
      HTTP_PORT: 3002,
      DISTRIBUTOR_MAX_ATTEMPTS: 15,
      DISTRIBUTOR_ENDPOINT_CONCURRENCY: 4,
    });
  });

  it('refuses a lease no longer than a request may take', () => {
    expect(
      problemsOf({
        DISTRIBUTOR_SECRET_KEY: KEY,
        DISTRIBUTOR_LEASE_MS: '5000',
        DISTRIBUTOR_REQUEST_TIMEOUT_MS: '8000',
      }),
    ).toEqual(['DISTRIBUTOR_LEASE_MS']);
  });

  it('refuses a missing or short key, a short admin token, a bad allow-list, naming each', () => {
    expect(problemsOf({})).toEqual(['DISTRIBUTOR_SECRET_KEY']);
    expect(
      problemsOf({
        DISTRIBUTOR_SECRET_KEY: randomBytes(16).toString('base64'),
        DISTRIBUTOR_ADMIN_TOKEN: 'short',
        DISTRIBUTOR_WEBHOOK_ALLOW: 'http://nope',
        DISTRIBUTOR_MAX_ATTEMPTS: '0',
      }),
    ).toEqual([
      'DISTRIBUTOR_ADMIN_TOKEN',
      'DISTRIBUTOR_MAX_ATTEMPTS',
      'DISTRIBUTOR_SECRET_KEY',
      'DISTRIBUTOR_WEBHOOK_ALLOW',
    ]);
  });
});
