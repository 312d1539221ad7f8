import {
  LivenessController,
  MetricsModule,
  ReadinessController,
  READINESS_CHECKS,
} from '@depeche/observability';
import { Module, ValidationPipe, type DynamicModule } from '@nestjs/common';
import { APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { AuditController } from './audit/audit.controller';
import { LoginController } from './auth/login.controller';
import { LoginService } from './auth/login.service';
import { OperatorGuard } from './auth/operator.guard';
import { OperatorSecret } from './auth/operator-secret';
import { OpsEnv } from './config/ops.env';
import { DashboardController } from './dashboard/dashboard.controller';
import { OverviewService } from './dashboard/overview.service';
import { PartnersController } from './partners/partners.controller';
import { PartnerStatusService } from './partners/partner-status.service';
import { ReplayController } from './replay/replay.controller';
import { ReplayService } from './replay/replay.service';
import { OpsLifecycle } from './runtime/ops-lifecycle';
import { OpsRuntime } from './runtime/ops-runtime';
import { PipelineGauges } from './runtime/pipeline-gauges';
import { EventStream } from './stream/event-stream';
import { OpsConsumer } from './stream/ops-consumer';
import { StreamController } from './stream/stream.controller';

@Module({})
export class OpsModule {
  static forRoot(env: OpsEnv): DynamicModule {
    return {
      module: OpsModule,
      imports: [MetricsModule.forRoot('ops'), TerminusModule.forRoot({ errorLogStyle: 'json' })],
      controllers: [
        LivenessController,
        ReadinessController,
        LoginController,
        DashboardController,
        StreamController,
        ReplayController,
        PartnersController,
        AuditController,
      ],
      providers: [
        { provide: OpsEnv, useValue: env },
        { provide: OperatorSecret, useValue: new OperatorSecret(env.OPS_SESSION_SECRET) },
        { provide: APP_GUARD, useClass: OperatorGuard },
        { provide: APP_PIPE, useValue: new ValidationPipe({ whitelist: true, transform: true }) },
        { provide: READINESS_CHECKS, useExisting: OpsRuntime },
        LoginService,
        OpsRuntime,
        OpsConsumer,
        PipelineGauges,
        OpsLifecycle,
        EventStream,
        OverviewService,
        ReplayService,
        PartnerStatusService,
      ],
    };
  }
}
