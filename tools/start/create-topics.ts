/** Creates the pipeline topics that do not exist yet (docker-compose's one-shot `topics` service). */
import { createPipelineTopics } from './pipeline-topics';

const brokers = process.env.KAFKA_BROKERS;
if (!brokers) {
  console.error('KAFKA_BROKERS is not set');
  process.exit(1);
}
createPipelineTopics(brokers).then(
  (created) => console.log(created.length ? `created ${created.join(', ')}` : 'all topics present'),
  (error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  },
);
