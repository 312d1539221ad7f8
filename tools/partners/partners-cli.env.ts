import { AppEnv } from '@depeche/config';

/**
 * The CLI reaches the database the apps use through the same variables, validated the same way
 * (DATABASE_KIND, DATABASE_URL, SQLITE_PATH). It serves nothing: HTTP_PORT, which AppEnv requires,
 * gets a default so that it is never demanded.
 */
export class PartnersCliEnv extends AppEnv {
  override HTTP_PORT = 3000;
}
