import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { AdminController } from '../admin/admin.controller';
import { ChangeController } from '../changes/change.controller';
import { FeedController } from '../feeds/feed.controller';
import { PLAIN_ROUTES } from '../feeds/feed.route';
import { ReadinessController } from '@depeche/observability';
import { ItemController } from '../items/item.controller';
import { SitemapController } from '../sitemaps/sitemap.controller';
import { DocsController } from './docs.controller';
import { OPENAPI_DOCUMENT } from './openapi.document';

const CONTROLLERS = [
  FeedController,
  ItemController,
  ChangeController,
  SitemapController,
  AdminController,
  ReadinessController,
  DocsController,
];

/** `METHOD /path/{param}` of every route Nest would register for these controllers, and the plain ones. */
function routes(): string[] {
  const controllerRoutes = CONTROLLERS.flatMap((controller) => {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller));
    const prototype = controller.prototype as unknown as Record<string, unknown>;
    return Object.getOwnPropertyNames(prototype)
      .filter((name) => name !== 'constructor')
      .flatMap((name) => {
        const handler = prototype[name] as object;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (path === undefined || method === undefined) return [];
        const full = `/${[base, path].filter((p) => p !== '/' && p !== '').join('/')}`;
        return [`${RequestMethod[method]} ${full.replace(/:(\w+)/g, '{$1}')}`];
      });
  });
  return [...controllerRoutes, ...PLAIN_ROUTES];
}

describe('the OpenAPI document', () => {
  it('describes every route of the controllers and the plain routes, and only those', () => {
    const documented = Object.entries(OPENAPI_DOCUMENT.paths)
      .flatMap(([path, operations]) =>
        Object.keys(operations).map((m) => `${m.toUpperCase()} ${path}`),
      )
      .filter((route) => route !== 'GET /health/live'); // the shared LivenessController's
    expect(routes().sort()).toEqual(documented.sort());
  });
});
