import { startKafka } from '../kafka/kafka';
import { assertPostgresReachable } from './postgres-check';

/**
 * Jest global setup for the integration tier: one real Kafka broker per run (unless KAFKA_BROKERS
 * points at one already) and a PostgreSQL server that answers. Workers inherit the env set here.
 */
export default async function globalSetup(): Promise<void> {
  await assertPostgresReachable(process.env.TEST_DATABASE_URL);
  if (process.env.KAFKA_BROKERS) {
    console.log(`\nkafka: using KAFKA_BROKERS=${process.env.KAFKA_BROKERS}`);
    return;
  }
  const port = Number(process.env.KAFKA_PORT ?? 9092);
  const kafka = await startKafka({ port, ownerPid: process.pid });
  process.env.KAFKA_BROKERS = kafka.brokers;
  globalThis.__depecheKafkaPort = port;
  const t0 = Number(process.env.DEPECHE_TEST_T0);
  if (t0 > 0) {
    console.log(
      `kafka: ${((Date.now() - t0) / 1000).toFixed(1)} s from test command start to broker ready`,
    );
  }
}

declare global {
  var __depecheKafkaPort: number | undefined;
}
