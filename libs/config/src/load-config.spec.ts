import { IsInt, Max, Min } from 'class-validator';
import { Transform } from 'class-transformer';
import { AppEnv, ConfigError, KafkaAppEnv, loadConfig, requiredVariables, toInt } from '.';

class WorkerEnv extends KafkaAppEnv {
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  WORKERS = 4;
}

describe('loadConfig', () => {
  it('applies defaults and converts numbers', () => {
    const env = loadConfig(WorkerEnv, { HTTP_PORT: '3001', WORKERS: '8' });
    expect(env).toMatchObject({
      HTTP_PORT: 3001,
      WORKERS: 8,
      DATABASE_KIND: 'sqlite',
      KAFKA_BROKERS: '127.0.0.1:9092',
    });
  });

  it('names every variable at fault', () => {
    const load = () =>
      loadConfig(WorkerEnv, { HTTP_PORT: 'eighty', WORKERS: '0', KAFKA_BROKERS: 'nohostport' });
    expect(load).toThrow(ConfigError);
    try {
      load();
    } catch (error) {
      const variables = (error as ConfigError).problems.map((p) => p.variable).sort();
      expect(variables).toEqual(['HTTP_PORT', 'KAFKA_BROKERS', 'WORKERS']);
      expect((error as Error).message).toContain('KAFKA_BROKERS must be host:port');
    }
  });

  it('requires DATABASE_URL only for postgres', () => {
    expect(() => loadConfig(AppEnv, { HTTP_PORT: '1', DATABASE_KIND: 'postgres' })).toThrow(
      /DATABASE_URL/,
    );
    expect(
      loadConfig(AppEnv, {
        HTTP_PORT: '1',
        DATABASE_KIND: 'postgres',
        DATABASE_URL: 'postgres://127.0.0.1/x',
      }).DATABASE_URL,
    ).toBe('postgres://127.0.0.1/x');
  });

  it('rejects an unknown database kind', () => {
    expect(() => loadConfig(AppEnv, { HTTP_PORT: '1', DATABASE_KIND: 'mysql' })).toThrow(
      /DATABASE_KIND/,
    );
  });
});

describe('requiredVariables', () => {
  it('lists the variables with no default and no condition', () => {
    // HTTP_PORT has no default; DATABASE_URL is only required for postgres.
    expect(requiredVariables(WorkerEnv)).toEqual(['HTTP_PORT']);
  });
});
