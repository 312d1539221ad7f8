import { ConfigError, LOG_LEVELS, type AppEnv, type LogLevel } from '@depeche/config';
import { Logger, type DynamicModule, type Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp, type HttpAppOptions } from './http/create-http-app';
import { JsonLogger } from './logging/json-logger';

/** sysexits.h EX_CONFIG: the process cannot start with the configuration it was given. */
const EX_CONFIG = 78;

/**
 * Starts a depeche app on Fastify (the NestJS adapter for throughput) after its environment has
 * been validated. A bad configuration stops start-up with the variables named, before any I/O.
 * Every error is answered as RFC 9457 problem details (`createHttpApp`); `filters` are the app's
 * own exceptions to that.
 */
export async function startHttpApp<Env extends AppEnv>(
  name: string,
  loadEnv: () => Env,
  module: (env: Env) => Type | DynamicModule,
  options: Pick<HttpAppOptions, 'filters'> = {},
): Promise<NestFastifyApplication> {
  // JSON lines from the first one: the level is read raw here, validated with the rest below.
  const level = process.env.LOG_LEVEL;
  const json = new JsonLogger(
    name,
    LOG_LEVELS.includes(level as LogLevel) ? (level as LogLevel) : 'info',
  );
  Logger.overrideLogger(json);
  const logger = new Logger(name);
  let env: Env;
  try {
    env = loadEnv();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    logger.error(error.message);
    process.exit(EX_CONFIG);
  }
  const app = await createHttpApp(name, module(env), {
    logger: new JsonLogger(name, env.LOG_LEVEL),
    ...options,
  });
  await app.listen(env.HTTP_PORT, env.HTTP_HOST);
  // SIGTERM and SIGINT close the app: shutdown hooks let consumers finish the batch in flight and
  // commit, then the process exits 0 (Nest's enableShutdownHooks re-raises the signal instead,
  // which an orchestrator reads as a crash). Once closing, a further signal is ignored: a terminal's
  // Ctrl-C reaches every process of the group and a supervisor then sends SIGTERM too, and the
  // default action of that second signal would kill the process in the middle of its commit.
  let closing = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (closing) {
        logger.log(`${signal}: already finishing the work in flight`);
        return;
      }
      closing = true;
      logger.log(`${signal}: finishing the work in flight`);
      app.close().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error(`shutdown failed: ${String(error)}`);
          process.exit(1);
        },
      );
    });
  }
  logger.log(`listening on http://${env.HTTP_HOST}:${env.HTTP_PORT}`);
  return app;
}
