import { LivenessController } from '@depeche/observability';
import { Module, type DynamicModule } from '@nestjs/common';
import { DistributorEnv } from './config/distributor.env';

@Module({})
export class DistributorModule {
  static forRoot(env: DistributorEnv): DynamicModule {
    return {
      module: DistributorModule,
      controllers: [LivenessController],
      providers: [{ provide: DistributorEnv, useValue: env }],
    };
  }
}
