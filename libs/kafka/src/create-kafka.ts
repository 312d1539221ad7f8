import type { KafkaAppEnv } from '@depeche/config';
import { Kafka, logLevel } from 'kafkajs';

// kafkajs 2 warns on every producer that its default partitioner changed in 2.0; we use the new one.
process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1';

/** One kafkajs client per process, configured from the app's validated environment. */
export function createKafka(env: Pick<KafkaAppEnv, 'KAFKA_BROKERS' | 'KAFKA_CLIENT_ID'>): Kafka {
  return new Kafka({
    clientId: env.KAFKA_CLIENT_ID,
    brokers: env.KAFKA_BROKERS.split(','),
    logLevel: logLevel.WARN,
    // A broker restart must not kill a consumer: keep retrying the connection for about a minute.
    retry: { initialRetryTime: 300, retries: 10, maxRetryTime: 10_000 },
  });
}
