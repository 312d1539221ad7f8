import { LivenessController, MetricsModule } from '@depeche/observability';
import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { IngestEnv } from './config/ingest.env';
import { IngestRuntime } from './ingest.runtime';
import { ReadinessController } from './readiness.controller';

@Module({})
export class IngestModule {
  static forRoot(env: IngestEnv): DynamicModule {
    return {
      module: IngestModule,
      imports: [MetricsModule.forRoot('ingest'), TerminusModule.forRoot({ errorLogStyle: 'json' })],
      controllers: [LivenessController, ReadinessController],
      providers: [{ provide: IngestEnv, useValue: env }, IngestRuntime],
    };
  }
}
