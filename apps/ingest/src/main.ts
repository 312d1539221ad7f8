import { loadConfig } from '@depeche/config';
import { startHttpApp } from '@depeche/observability';
import { IngestEnv } from './config/ingest.env';
import { IngestModule } from './ingest.module';

void startHttpApp(
  'ingest',
  () => loadConfig(IngestEnv),
  (env) => IngestModule.forRoot(env),
);
