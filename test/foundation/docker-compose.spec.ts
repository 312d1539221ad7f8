import { knownVariables, loadConfig, requiredVariables, type AppEnv } from '@depeche/config';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DistributorEnv } from '../../apps/distributor/src/config/distributor.env';
import { FeedApiEnv } from '../../apps/feed-api/src/config/feed-api.env';
import { IngestEnv } from '../../apps/ingest/src/config/ingest.env';
import { OpsEnv } from '../../apps/ops/src/config/ops.env';

/**
 * There is no Docker engine here, so the compose file is checked against the apps' own
 * configuration classes: the variables each app validates, the ports, the service names.
 */
interface Service {
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}

const compose = parse(readFileSync(join(__dirname, '../../docker-compose.yml'), 'utf8'), {
  merge: true,
}) as { services: Record<string, Service> };

const APPS: Record<string, new () => AppEnv> = {
  ingest: IngestEnv,
  'feed-api': FeedApiEnv,
  distributor: DistributorEnv,
  ops: OpsEnv,
};

/** What a user would export for the variables compose requires (`${NAME:?…}`). */
const USER_VALUES: Record<string, string> = {
  DISTRIBUTOR_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
};

/** `${OPS_PASSWORD:?…}` is filled in by compose from the user's shell; give it a value that passes. */
function resolveInterpolation(value: string): string {
  return value.replace(
    /\$\{([A-Z_]+)(:-([^}]*)|:\?[^}]*)?\}/g,
    (_m, name: string, _d, fallback: string | undefined) =>
      fallback ?? USER_VALUES[name] ?? 'a-long-enough-secret',
  );
}

function environmentOf(service: Service): Record<string, string> {
  return Object.fromEntries(
    Object.entries(service.environment ?? {}).map(([k, v]) => [k, resolveInterpolation(String(v))]),
  );
}

describe('docker-compose.yml', () => {
  it('has one service per app, each running that app', () => {
    for (const app of Object.keys(APPS)) {
      expect(compose.services[app]?.command).toEqual(['node', `dist/apps/${app}/src/main.js`]);
    }
  });

  describe.each(Object.entries(APPS))('%s', (app, dto) => {
    const service = compose.services[app] as Service;
    const env = environmentOf(service);

    it('sets every variable the app requires, and only variables it knows', () => {
      expect(Object.keys(env)).toEqual(expect.arrayContaining(requiredVariables(dto)));
      expect(knownVariables(dto)).toEqual(expect.arrayContaining(Object.keys(env)));
    });

    it('passes the app’s own validation', () => {
      expect(() => loadConfig(dto, env)).not.toThrow();
    });

    it('listens, publishes and health-checks on the same port', () => {
      const { HTTP_PORT, HTTP_HOST } = loadConfig(dto, env);
      expect(HTTP_HOST).toBe('0.0.0.0'); // reachable from outside the container
      expect(service.ports).toEqual([`${HTTP_PORT}:${HTTP_PORT}`]);
      expect(service.healthcheck?.test.join(' ')).toContain(
        `http://127.0.0.1:${HTTP_PORT}/health/live`,
      );
    });

    it('reaches PostgreSQL and Kafka by their service names, once they are healthy', () => {
      const config = loadConfig(dto, env);
      const postgres = compose.services.postgres?.environment ?? {};
      expect(config.DATABASE_KIND).toBe('postgres');
      const url = new URL(config.DATABASE_URL ?? '');
      expect([url.hostname, url.port, url.username, url.password, url.pathname]).toEqual([
        'postgres',
        '5432',
        postgres.POSTGRES_USER,
        postgres.POSTGRES_PASSWORD,
        `/${postgres.POSTGRES_DB}`,
      ]);
      if ('KAFKA_BROKERS' in config) {
        expect(config.KAFKA_BROKERS).toBe(kafkaInternalAddress());
      }
      expect(service.depends_on?.postgres?.condition).toBe('service_healthy');
      expect(service.depends_on?.kafka?.condition).toBe('service_healthy');
    });
  });

  it('runs the Kafka release the local broker script runs (tools/kafka/pom.xml)', () => {
    const pom = readFileSync(join(__dirname, '../../tools/kafka/pom.xml'), 'utf8');
    const local = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(pom)?.[1];
    expect(local).toMatch(/^\d+\.\d+\.\d+$/);
    expect(compose.services.kafka?.image).toBe(`apache/kafka:${local}`);
  });

  it('gives every long-running service a health check', () => {
    const without = Object.entries(compose.services)
      // topics is a one-shot job, awaited with service_completed_successfully.
      .filter(([name, service]) => name !== 'topics' && (service.healthcheck?.test.length ?? 0) < 2)
      .map(([name]) => name);
    expect(without).toEqual([]);
  });
});

/** The PLAINTEXT listener Kafka advertises to other containers. */
function kafkaInternalAddress(): string {
  const advertised = compose.services.kafka?.environment?.KAFKA_ADVERTISED_LISTENERS ?? '';
  const plaintext = advertised.split(',').find((l) => l.startsWith('PLAINTEXT://')) ?? '';
  return plaintext.replace('PLAINTEXT://', '');
}
