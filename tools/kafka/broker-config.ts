/** The broker's configuration files: server.properties and log4j2. */
import { randomBytes } from 'node:crypto';

export interface BrokerConfig {
  host: string;
  port: number;
  controllerPort: number;
  logDir: string;
  autoCreateTopics: boolean;
}

/**
 * Single combined broker+controller, in the spirit of config/server.properties
 * of the Kafka distribution, tuned for a short-lived test broker.
 * https://kafka.apache.org/documentation/#kraft_config
 */
export function serverProperties(c: BrokerConfig): string {
  const props: Record<string, string | number | boolean> = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    // Dynamic quorum (KIP-853), formatted with `--standalone`: the 4.x way.
    // https://cwiki.apache.org/confluence/display/KAFKA/KIP-853
    'controller.quorum.bootstrap.servers': `${c.host}:${c.controllerPort}`,
    listeners: `PLAINTEXT://${c.host}:${c.port},CONTROLLER://${c.host}:${c.controllerPort}`,
    // The controller listener must be advertised too for a dynamic quorum.
    'advertised.listeners': `PLAINTEXT://${c.host}:${c.port},CONTROLLER://${c.host}:${c.controllerPort}`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'log.dirs': c.logDir,
    // One broker: every internal topic must have RF 1 or it is never created
    // (defaults are 3), and consumer groups / transactions hang.
    'offsets.topic.replication.factor': 1,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    // Share groups (KIP-932, Kafka 4.x) keep state in their own internal topic.
    'share.coordinator.state.topic.replication.factor': 1,
    'share.coordinator.state.topic.min.isr': 1,
    // Internal topics default to 50 partitions; creating them on the first
    // group join / transaction is what makes that first call slow.
    'offsets.topic.num.partitions': 1,
    'transaction.state.log.num.partitions': 1,
    'share.coordinator.state.topic.num.partitions': 1,
    // Joins complete at once instead of waiting 3 s for more members.
    'group.initial.rebalance.delay.ms': 0,
    'num.partitions': 1,
    'default.replication.factor': 1,
    'auto.create.topics.enable': c.autoCreateTopics,
    // 2-core CI machine: fewer threads than the defaults (3 network, 8 io).
    'num.network.threads': 2,
    'num.io.threads': 2,
    'log.segment.bytes': 16 * 1024 * 1024,
  };
  return `${Object.entries(props)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join('\n')}\n`;
}

/** log4j2 config: INFO to stdout (redirected to broker.log), minus noise. */
export const LOG4J2_PROPERTIES = `status = warn
appender.stdout.type = Console
appender.stdout.name = STDOUT
appender.stdout.layout.type = PatternLayout
appender.stdout.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = info
rootLogger.appenderRef.stdout.ref = STDOUT
# Every config object dumps all its keys at INFO: hundreds of lines.
logger.config.name = org.apache.kafka.common.config.AbstractConfig
logger.config.level = warn
`;

/** A Kafka Uuid as `kafka-storage random-uuid` prints it, without a JVM. */
export function randomClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    // Kafka's Uuid.randomUuid() avoids ids starting with '-' since they are
    // mistaken for command-line flags (KAFKA-10618).
    if (!id.startsWith('-')) return id;
  }
}
