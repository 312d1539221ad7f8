import { loadConfig } from '@depeche/config';
import { startHttpApp } from '@depeche/observability';
import { LoginRequiredFilter } from './auth/login-required.filter';
import { OpsEnv } from './config/ops.env';
import { OpsModule } from './ops.module';

// Nest's Fastify adapter parses HTML forms (application/x-www-form-urlencoded) out of the box:
// the dashboard needs no script to log in or act. Errors are problem details, except that a
// missing session sends a browser to the login form (LoginRequiredFilter).
void startHttpApp(
  'ops',
  () => loadConfig(OpsEnv),
  (env) => OpsModule.forRoot(env),
  { filters: [new LoginRequiredFilter()] },
);
