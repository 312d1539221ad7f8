import { AppEnv } from '@depeche/config';
import { IsNotEmpty, IsUrl } from 'class-validator';

/** The feed API's environment, validated once at start. It reads the store, never Kafka. */
export class FeedApiEnv extends AppEnv {
  override HTTP_PORT = 3000;

  /** The address partners use, for self links in feeds. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  @IsNotEmpty()
  PUBLIC_BASE_URL = 'http://127.0.0.1:3000';
}
