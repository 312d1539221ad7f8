import { LivenessController } from '@depeche/observability';
import { Module, type DynamicModule } from '@nestjs/common';
import { FeedApiEnv } from './config/feed-api.env';

@Module({})
export class FeedApiModule {
  static forRoot(env: FeedApiEnv): DynamicModule {
    return {
      module: FeedApiModule,
      controllers: [LivenessController],
      providers: [{ provide: FeedApiEnv, useValue: env }],
    };
  }
}
