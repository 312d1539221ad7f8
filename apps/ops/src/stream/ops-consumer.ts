import {
  OpsDeadLetterStore,
  OpsDeliveryEventStore,
  deadLetterFromKafka,
} from '@depeche/persistence';
import { Injectable, Logger } from '@nestjs/common';
import type { Consumer, EachMessagePayload } from 'kafkajs';
import { OpsEnv } from '../config/ops.env';
import { OpsRuntime } from '../runtime/ops-runtime';
import { deliveryEventOf } from './delivery-event-of';
import { EventStream } from './event-stream';
import { streamEventOf, type TopicRole } from './stream-event-of';

/**
 * Watches the pipeline with its own consumer group, so it takes nothing from ingest or the
 * distributor. The live topics start at their end (the dashboard shows what happens from now);
 * the dead-letter topic from its beginning, so every dead letter is indexed for replay.
 */
@Injectable()
export class OpsConsumer {
  private readonly logger = new Logger('ops-consumer');
  private readonly consumer: Consumer;
  private readonly roles: Map<string, TopicRole>;
  private assigned: string[] = [];

  constructor(
    private readonly env: OpsEnv,
    private readonly runtime: OpsRuntime,
    private readonly stream: EventStream,
  ) {
    this.consumer = runtime.kafka.consumer({
      groupId: env.OPS_GROUP_ID,
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
    });
    this.roles = new Map<string, TopicRole>([
      [env.INGEST_TOPIC, 'events'],
      [env.INGEST_DLQ_TOPIC, 'dead-letters'],
      [env.ITEMS_TOPIC, 'items'],
      [env.OPS_EVENTS_TOPIC, 'ops-events'],
    ]);
    // Ready only after the first fetch that follows a join: the live topics start at their end,
    // and that end is fixed by the first fetch. A message produced before it would not be shown.
    const { GROUP_JOIN, FETCH, REBALANCING, STOP } = this.consumer.events;
    let joined: string[] = [];
    this.consumer.on(GROUP_JOIN, ({ payload }) => {
      joined = Object.entries(payload.memberAssignment).flatMap(([t, ps]) =>
        ps.map((p) => `${t}:${p}`),
      );
    });
    this.consumer.on(FETCH, () => (this.assigned = joined));
    this.consumer.on(REBALANCING, () => (this.assigned = joined = []));
    this.consumer.on(STOP, () => (this.assigned = joined = []));
    runtime.assigned = () => this.assigned;
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    const live = [this.env.INGEST_TOPIC, this.env.ITEMS_TOPIC, this.env.OPS_EVENTS_TOPIC];
    await this.consumer.subscribe({ topics: live, fromBeginning: false });
    await this.consumer.subscribe({ topic: this.env.INGEST_DLQ_TOPIC, fromBeginning: true });
    await this.consumer.run({ eachMessage: (payload) => this.handle(payload) });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }

  private async handle({ topic, partition, message }: EachMessagePayload): Promise<void> {
    const role = this.roles.get(topic);
    if (!role) return;
    // Index first: a dead letter shown on the dashboard must be replayable.
    if (role === 'dead-letters') {
      await new OpsDeadLetterStore(this.runtime.db).index(
        deadLetterFromKafka(topic, partition, message),
        new Date(),
      );
    }
    if (role === 'ops-events') await this.recordDelivery(message.value);
    this.stream.publish(streamEventOf(role, topic, partition, message));
  }

  private async recordDelivery(value: Buffer | null): Promise<void> {
    const event = deliveryEventOf(value);
    if (!event) {
      this.logger.warn('ops event that is not a delivery event: not recorded');
      return;
    }
    // A database fault must fail the message (kafkajs retries it), not be logged as unreadable
    // and committed past, which would lose the delivery from the audit trail.
    await new OpsDeliveryEventStore(this.runtime.db).record(event);
  }
}
