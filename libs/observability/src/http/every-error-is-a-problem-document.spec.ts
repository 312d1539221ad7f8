import {
  Body,
  Catch,
  Controller,
  Get,
  Module,
  Param,
  Post,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, InjectOptions } from 'fastify';
import { createHttpApp } from './create-http-app';
import { Problem } from './problem';

class Teapot extends Error {}

@Catch(Teapot)
class TeapotFilter implements ExceptionFilter {
  catch(_error: Teapot, host: ArgumentsHost): void {
    void host.switchToHttp().getResponse<FastifyReply>().code(418).send('short and stout');
  }
}

@Controller('things')
class ThingsController {
  @Post(':id')
  create(@Param('id') id: string, @Body() body: unknown): unknown {
    return { id, body };
  }

  @Get('refused')
  refused(): never {
    throw new Problem(409, 'Already there.', { headers: { 'retry-after': '5' } });
  }

  @Get('broken')
  broken(): never {
    throw new Error('connection to 10.0.0.7:5432 refused');
  }

  @Get('teapot')
  teapot(): never {
    throw new Teapot();
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

/**
 * An app made by createHttpApp, as startHttpApp makes every app, answers every error as RFC 9457
 * problem details: its own, Nest's, Fastify's body errors and the requests Fastify's router refuses
 * by itself, which would otherwise get Fastify's own `{ statusCode, code, error, message }`.
 */
describe('an app made by createHttpApp', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createHttpApp('test', ThingsModule, {
      logger: false,
      filters: [new TeapotFilter()],
    });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(() => app.close());

  async function problemOf(request: InjectOptions): Promise<{
    status: number;
    contentType: unknown;
    cacheControl: unknown;
    body: Record<string, unknown>;
  }> {
    const response = await app.inject(request);
    return {
      status: response.statusCode,
      contentType: response.headers['content-type'],
      cacheControl: response.headers['cache-control'],
      body: response.json<Record<string, unknown>>(),
    };
  }

  const json = { 'content-type': 'application/json' };
  const cases: {
    what: string;
    request: InjectOptions;
    status: number;
    title: string;
    instance?: string;
  }[] = [
    {
      what: 'a malformed JSON body',
      request: { method: 'POST', url: '/things/1', headers: json, payload: '{bad json' },
      status: 400,
      title: 'Bad Request',
      instance: '/things/1',
    },
    {
      what: 'an empty JSON body',
      request: { method: 'POST', url: '/things/1', headers: json, payload: '' },
      status: 400,
      title: 'Bad Request',
      instance: '/things/1',
    },
    {
      // Fastify's default bodyLimit is 1 MiB (1,048,576 bytes); this JSON string is 2 bytes over.
      what: 'a body over the size limit',
      request: {
        method: 'POST',
        url: '/things/1',
        headers: json,
        payload: `"${'a'.repeat(1_048_576)}"`,
      },
      status: 413,
      title: 'Content Too Large',
      instance: '/things/1',
    },
    {
      what: 'a content type no parser takes',
      request: {
        method: 'POST',
        url: '/things/1',
        headers: { 'content-type': 'text/xml' },
        payload: '<a/>',
      },
      status: 415,
      title: 'Unsupported Media Type',
      instance: '/things/1',
    },
    {
      what: 'an unknown path',
      request: { method: 'GET', url: '/nowhere' },
      status: 404,
      title: 'Not Found',
      instance: '/nowhere',
    },
    {
      // Refused by Fastify's router before any hook or error handler (FST_ERR_BAD_URL); without
      // `instance`, since the URL is what is malformed.
      what: 'a path whose percent-encoding is invalid',
      request: { method: 'POST', url: '/things/%E0%A4%A', headers: json, payload: '{}' },
      status: 400,
      title: 'Bad Request',
    },
  ];

  it.each(cases)(
    'answers $what with a $status problem document',
    async ({ request, status, title, instance }) => {
      const answer = await problemOf(request);
      expect(answer.status).toBe(status);
      expect(answer.contentType).toMatch(/^application\/problem\+json/);
      // No cache keeps an error: a shared one would give one client's refusal to another.
      expect(answer.cacheControl).toBe('no-store');
      expect(answer.body).toMatchObject({ type: 'about:blank', title, status });
      expect(typeof answer.body.detail).toBe('string');
      expect(answer.body.instance).toBe(instance);
    },
  );

  it('answers a thrown Problem with its status, detail and headers', async () => {
    const response = await app.inject({ method: 'GET', url: '/things/refused' });
    expect(response.statusCode).toBe(409);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toEqual({
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: 'Already there.',
      instance: '/things/refused',
    });
  });

  it('answers an unexpected error with a 500 that shows nothing of its cause', async () => {
    const answer = await problemOf({ method: 'GET', url: '/things/broken' });
    expect(answer.status).toBe(500);
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
    expect(JSON.stringify(answer.body)).not.toContain('10.0.0.7');
  });

  it("asks the app's own filters before the catch-all one", async () => {
    const response = await app.inject({ method: 'GET', url: '/things/teapot' });
    expect([response.statusCode, response.body]).toEqual([418, 'short and stout']);
  });

  it('still takes a good body', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/things/1',
      headers: json,
      payload: '{"a":1}',
    });
    expect([response.statusCode, response.json()]).toEqual([201, { id: '1', body: { a: 1 } }]);
  });
});
