import { LivenessController } from '@depeche/observability';
import { Module, type DynamicModule } from '@nestjs/common';
import { IngestEnv } from './config/ingest.env';
import { IngestRuntime } from './ingest.runtime';
import { ReadinessController } from './readiness.controller';

@Module({})
export class IngestModule {
  static forRoot(env: IngestEnv): DynamicModule {
    return {
      module: IngestModule,
      controllers: [LivenessController, ReadinessController],
      providers: [{ provide: IngestEnv, useValue: env }, IngestRuntime],
    };
  }
}
