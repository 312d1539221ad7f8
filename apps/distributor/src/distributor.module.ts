import { DeliveryQueue } from '@depeche/persistence';
import {
  AdminAccess,
  AdminGuard,
  HEALTH_CONTROLLERS,
  MetricsModule,
  READINESS_CHECKS,
} from '@depeche/observability';
import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { DeliveriesController } from './admin/deliveries.controller';
import { WebhookAdmin } from './admin/webhook-admin';
import { WebhooksController } from './admin/webhooks.controller';
import { DistributorEnv } from './config/distributor.env';
import { DistributorRuntime } from './distributor.runtime';
import { WebsubHub } from './websub/websub-hub';
import { WebsubController } from './websub/websub.controller';

@Module({})
export class DistributorModule {
  static forRoot(env: DistributorEnv): DynamicModule {
    return {
      module: DistributorModule,
      imports: [
        MetricsModule.forRoot('distributor'),
        TerminusModule.forRoot({ errorLogStyle: 'json' }),
      ],
      controllers: [
        ...HEALTH_CONTROLLERS,
        WebsubController,
        WebhooksController,
        DeliveriesController,
      ],
      providers: [
        { provide: DistributorEnv, useValue: env },
        DistributorRuntime,
        // /health/ready runs the runtime's indicators (database, migrations, Kafka partitions).
        { provide: READINESS_CHECKS, useExisting: DistributorRuntime },
        {
          provide: AdminAccess,
          useValue: new AdminAccess(env.DISTRIBUTOR_ADMIN_TOKEN, {
            status: 503,
            detail: 'The admin API is off: set DISTRIBUTOR_ADMIN_TOKEN.',
          }),
        },
        AdminGuard,
        {
          provide: WebsubHub,
          useFactory: (r: DistributorRuntime) => r.hub,
          inject: [DistributorRuntime],
        },
        {
          provide: WebhookAdmin,
          useFactory: (r: DistributorRuntime) => r.webhookAdmin,
          inject: [DistributorRuntime],
        },
        {
          provide: DeliveryQueue,
          useFactory: (r: DistributorRuntime) => r.queue,
          inject: [DistributorRuntime],
        },
      ],
    };
  }
}
