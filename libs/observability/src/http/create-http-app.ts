import type { DynamicModule, ExceptionFilter, LoggerService, LogLevel, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { answerWhileClosing } from './closing-answer';
import { answerClientError, answerFrameworkError } from './framework-errors';
import { ProblemFilter } from './problem.filter';

export interface HttpAppOptions {
  /** Nest's logger; `startHttpApp` passes its JSON logger, tests their own. */
  readonly logger?: LoggerService | LogLevel[] | false;
  /**
   * The app's filters for errors it answers otherwise than with problem details (ops sends a
   * browser to its login form). They are asked before the catch-all problem filter.
   */
  readonly filters?: readonly ExceptionFilter[];
}

/**
 * A depeche app on Fastify, not yet listening, answering every error as RFC 9457 problem details:
 * the errors of its routes and Nest's (through the problem filter, installed here so that no app
 * can forget it), Fastify's body errors (Nest hands them to the same filter) and the requests
 * Fastify's router refuses by itself (`frameworkErrors`) and the malformed requests node's HTTP
 * parser refuses (`clientErrorHandler`), and the requests that arrive while it closes
 * (`answerWhileClosing`). Tests that run an app in process create
 * it here too, so they see what production answers.
 */
export async function createHttpApp(
  name: string,
  module: Type | DynamicModule,
  options: HttpAppOptions = {},
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    module,
    new FastifyAdapter({
      frameworkErrors: answerFrameworkError,
      clientErrorHandler: answerClientError,
      // answerWhileClosing answers these, as problem details.
      return503OnClosing: false,
    }),
    options.logger === undefined ? {} : { logger: options.logger },
  );
  answerWhileClosing(app.getHttpAdapter().getInstance());
  // Nest asks the global filter registered last first: the app's own, then the catch-all.
  app.useGlobalFilters(new ProblemFilter(name), ...(options.filters ?? []));
  return app;
}
