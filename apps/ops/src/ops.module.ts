import { LivenessController } from '@depeche/observability';
import { Module, type DynamicModule } from '@nestjs/common';
import { OpsEnv } from './config/ops.env';

@Module({})
export class OpsModule {
  static forRoot(env: OpsEnv): DynamicModule {
    return {
      module: OpsModule,
      controllers: [LivenessController],
      providers: [{ provide: OpsEnv, useValue: env }],
    };
  }
}
