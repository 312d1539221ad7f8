import { loadConfig } from '@depeche/config';
import { startHttpApp } from '@depeche/observability';
import { OpsEnv } from './config/ops.env';
import { OpsModule } from './ops.module';

void startHttpApp(
  'ops',
  () => loadConfig(OpsEnv),
  (env) => OpsModule.forRoot(env),
);
