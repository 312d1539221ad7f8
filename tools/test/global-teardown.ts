import { stopKafka } from '../kafka/kafka';

/** Stops the broker that global-setup started; one given through KAFKA_BROKERS is left alone. */
export default async function globalTeardown(): Promise<void> {
  const port = globalThis.__depecheKafkaPort;
  if (port !== undefined) await stopKafka({ port });
}
