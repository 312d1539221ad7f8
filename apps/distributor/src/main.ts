import { loadConfig } from '@depeche/config';
import { startHttpApp } from '@depeche/observability';
import { DistributorEnv } from './config/distributor.env';
import { DistributorModule } from './distributor.module';

void startHttpApp(
  'distributor',
  () => loadConfig(DistributorEnv),
  (env) => DistributorModule.forRoot(env),
);
