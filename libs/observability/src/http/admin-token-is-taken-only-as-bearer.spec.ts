import { Controller, Get, Module, UseGuards } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AdminAccess, AdminGuard } from './admin.guard';
import { createHttpApp } from './create-http-app';

const TOKEN = 'admin-token-0123456789abcdef';

@Controller('admin')
@UseGuards(AdminGuard)
class AdminController {
  @Get('things')
  things(): string[] {
    return ['thing'];
  }
}

async function appWith(access: AdminAccess): Promise<NestFastifyApplication> {
  @Module({
    controllers: [AdminController],
    providers: [{ provide: AdminAccess, useValue: access }],
  })
  class AdminModule {}
  const app = await createHttpApp('test', AdminModule, { logger: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

describe('the admin guard', () => {
  describe('with a token', () => {
    let app: NestFastifyApplication;

    beforeAll(async () => {
      app = await appWith(new AdminAccess(TOKEN, { status: 404, detail: 'Not Found' }));
    });

    afterAll(() => app.close());

    const get = (headers: Record<string, string>) =>
      app.inject({ method: 'GET', url: '/admin/things', headers });

    it.each([
      ['Bearer', { authorization: `Bearer ${TOKEN}` }],
      ['bearer, any case, with spaces around', { authorization: `bearer   ${TOKEN} ` }],
    ])('lets in the token sent as %s', async (_how, headers) => {
      expect((await get(headers)).statusCode).toBe(200);
    });

    it.each([
      // X-API-Key is where partners send their keys; the admin token is never taken from it.
      ['the token as X-API-Key', { 'x-api-key': TOKEN }],
      [
        'the token as X-API-Key beside a wrong Bearer',
        { 'x-api-key': TOKEN, authorization: 'Bearer x' },
      ],
      ['the token in another scheme', { authorization: `Basic ${TOKEN}` }],
      ['the bare token', { authorization: TOKEN }],
      ['a wrong token', { authorization: `Bearer ${TOKEN}x` }],
      ['an empty Bearer', { authorization: 'Bearer ' }],
      ['nothing', {}],
    ])('refuses %s with a 401 problem and a Bearer challenge', async (_what, headers) => {
      const response = await get(headers);
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="depeche-admin"');
      expect(response.json()).toMatchObject({ status: 401, title: 'Unauthorized' });
    });
  });

  // Each app keeps its documented answer while its admin token is unset.
  it.each([
    [404, 'Not Found'],
    [503, 'The admin API is off: set DISTRIBUTOR_ADMIN_TOKEN.'],
  ])('without a token answers %i, whatever is sent', async (status, detail) => {
    const app = await appWith(new AdminAccess(undefined, { status, detail }));
    try {
      const response = await app.inject({
        method: 'GET',
        url: '/admin/things',
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(response.statusCode).toBe(status);
      expect(response.json()).toMatchObject({ status, detail });
    } finally {
      await app.close();
    }
  });
});
