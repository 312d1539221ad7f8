import {
  AdminAccess,
  AdminGuard,
  FeedMetrics,
  HEALTH_CONTROLLERS,
  MetricsModule,
  MetricsRegistry,
  READINESS_CHECKS,
} from '@depeche/observability';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { AdminController } from './admin/admin.controller';
import { AdminService } from './admin/admin.service';
import { PullLog } from './audit/pull-log';
import { AudienceGate } from './audience/audience-gate';
import { AudienceGuard } from './audience/audience.guard';
import { Authenticator } from './audience/authenticator';
import { ChangeController } from './changes/change.controller';
import { ChangeService } from './changes/change.service';
import { DocsController } from './docs/docs.controller';
import { FeedApiEnv } from './config/feed-api.env';
import { FeedController } from './feeds/feed.controller';
import { FeedFrontDoor } from './feeds/feed-front-door';
import { FeedRoute } from './feeds/feed.route';
import { FeedService } from './feeds/feed.service';
import { ReaderDirectory } from './feeds/reader-directory';
import { parameterValidation } from './http/validation.pipe';
import { ItemController } from './items/item.controller';
import { ItemService } from './items/item.service';
import { FeedRequests } from './metrics/feed-requests';
import { Clock, SystemClock } from './runtime/clock';
import { FeedRuntime } from './runtime/feed-runtime';
import { FeedStores } from './runtime/feed-stores';
import { SitemapController } from './sitemaps/sitemap.controller';
import { SitemapService } from './sitemaps/sitemap.service';

export interface FeedApiOptions {
  /** Tests pass a clock they move; production uses the system's. */
  readonly clock?: Clock;
}

@Module({})
export class FeedApiModule {
  static forRoot(env: FeedApiEnv, options: FeedApiOptions = {}): DynamicModule {
    return {
      module: FeedApiModule,
      imports: [
        MetricsModule.forRoot('feed-api'),
        TerminusModule.forRoot({ errorLogStyle: 'json' }),
      ],
      controllers: [
        ...HEALTH_CONTROLLERS,
        FeedController,
        ItemController,
        ChangeController,
        SitemapController,
        AdminController,
        DocsController,
      ],
      providers: [
        { provide: FeedApiEnv, useValue: env },
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        { provide: APP_PIPE, useFactory: parameterValidation },
        {
          provide: FeedMetrics,
          useFactory: (registry: MetricsRegistry) => new FeedMetrics(registry),
          inject: [MetricsRegistry],
        },
        FeedRequests,
        FeedStores,
        FeedRuntime,
        // /health/ready runs the runtime's indicators (database, migrations, story index).
        { provide: READINESS_CHECKS, useExisting: FeedRuntime },
        PullLog,
        Authenticator,
        AudienceGate,
        AudienceGuard,
        ReaderDirectory,
        FeedService,
        FeedRoute,
        FeedFrontDoor,
        ItemService,
        ChangeService,
        SitemapService,
        // Without FEED_API_ADMIN_TOKEN the admin API does not exist: 404, as for any unknown path.
        {
          provide: AdminAccess,
          useValue: new AdminAccess(env.FEED_API_ADMIN_TOKEN, { status: 404, detail: 'Not Found' }),
        },
        AdminGuard,
        AdminService,
      ],
    };
  }
}
