import { Module, type DynamicModule } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { MetricsRegistry } from './metrics-registry';

/**
 * `/metrics` and the app's registry, injectable as MetricsRegistry. Pass the registry when the app
 * built it before Nest (ingest counts outcomes in a runtime created outside the module graph).
 */
@Module({})
export class MetricsModule {
  static forRoot(app: string | MetricsRegistry): DynamicModule {
    const registry = typeof app === 'string' ? new MetricsRegistry(app) : app;
    return {
      module: MetricsModule,
      global: true,
      controllers: [MetricsController],
      providers: [{ provide: MetricsRegistry, useValue: registry }],
      exports: [MetricsRegistry],
    };
  }
}
