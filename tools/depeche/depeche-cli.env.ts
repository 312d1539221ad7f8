import { PipelineTopicsEnv } from '@depeche/kafka';

/**
 * The CLI reaches Kafka and the database through the apps' own variables, validated the same way.
 * It serves nothing: HTTP_PORT, which AppEnv requires, gets a default so it is never demanded.
 */
export class DepecheCliEnv extends PipelineTopicsEnv {
  override HTTP_PORT = 3000;
}
