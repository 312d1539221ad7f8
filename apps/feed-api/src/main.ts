import { loadConfig } from '@depeche/config';
import { startHttpApp } from '@depeche/observability';
import { FeedApiEnv } from './config/feed-api.env';
import { FeedApiModule } from './feed-api.module';

void startHttpApp(
  'feed-api',
  () => loadConfig(FeedApiEnv),
  (env) => FeedApiModule.forRoot(env),
);
