import { createKafka, ensureTopics, ResilientConsumer } from '@depeche/kafka';
import {
  ChangeLog,
  DeliveryQueue,
  DeliveryRenditions,
  FeedReadModel,
  migrate,
  MIGRATIONS,
  openDatabase,
  pendingMigrations,
  type Delivery,
  PartnerStore,
  WebhookEndpointStore,
  WebsubSubscriptionStore,
  type SqlDatabase,
} from '@depeche/persistence';
import {
  databaseIndicator,
  DeliveryMetrics,
  kafkaIndicator,
  MetricsRegistry,
  migrationsIndicator,
  withCorrelationId,
  type ReadinessChecks,
} from '@depeche/observability';
import type { HealthIndicatorFunction } from '@nestjs/terminus';
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Admin, Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { parseAllowList } from './config/allow-list';
import { DistributorEnv } from './config/distributor.env';
import { secretKeyBytes } from './config/secret-key';
import { SecretBox } from './crypto/secret-box';
import { countDelivery } from './delivery/count-delivery';
import { DeliveryWorker } from './delivery/delivery-worker';
import { EndpointGates } from './delivery/endpoint-gates';
import { OutcomeReporter } from './delivery/outcome-reporter';
import type { Sender } from './delivery/send-report';
import { WebhookSender } from './delivery/webhook.sender';
import { CorrelationIds } from './fanout/correlation-ids';
import { ItemsBatchHandler } from './fanout/items-batch.handler';
import { TargetDirectory } from './fanout/target-directory';
import { AddressPolicy } from './net/address-policy';
import { safeLookup } from './net/safe-lookup';
import { WebsubHub } from './websub/websub-hub';
import { WebsubSender } from './websub/websub.sender';
import { WebhookAdmin } from './admin/webhook-admin';

/** How often lapsed WebSub leases are ended (WebSub §5.1). */
const LEASE_SWEEP_MS = 1_000;

/**
 * The distributor's moving parts: the consumer that turns syndication.items into queued
 * deliveries, the worker that sends them, the WebSub hub, the lease sweeper. Started after the
 * app is up; stopped in reverse order (SIGTERM: the batch in flight commits, requests in flight finish).
 */
@Injectable()
export class DistributorRuntime
  implements OnApplicationBootstrap, OnApplicationShutdown, ReadinessChecks
{
  private readonly logger = new Logger('distributor');
  readonly db: SqlDatabase;
  readonly queue: DeliveryQueue;
  readonly hub: WebsubHub;
  readonly webhookAdmin: WebhookAdmin;
  private readonly kafkaAdmin: Admin;
  private readonly producer: Producer;
  private readonly reporter: OutcomeReporter;
  private readonly consumer: ResilientConsumer;
  private readonly worker: DeliveryWorker;
  private readonly handler: ItemsBatchHandler;
  private readonly subscriptions: WebsubSubscriptionStore;
  private readonly gates: EndpointGates;
  private readonly metrics: DeliveryMetrics;
  private readonly correlations = new CorrelationIds();
  private sweeper: NodeJS.Timeout | undefined;

  constructor(
    private readonly env: DistributorEnv,
    registry: MetricsRegistry,
  ) {
    const kafka = createKafka(env);
    // This process's worker: it holds the leases of what it claims, and of what its fan-out
    // inserts already claimed for it.
    const owner = `${process.pid}-${randomUUID()}`;
    this.metrics = new DeliveryMetrics(registry);
    this.db = openDatabase(env);
    // loadConfig validated both; the fallbacks are never used.
    const box = new SecretBox(secretKeyBytes(env.DISTRIBUTOR_SECRET_KEY) ?? Buffer.alloc(32));
    const policy = new AddressPolicy(
      parseAllowList(env.DISTRIBUTOR_WEBHOOK_ALLOW) ?? { cidrs: [], hosts: [] },
    );
    const lookup = safeLookup(policy);
    const partners = new PartnerStore(this.db);
    const endpoints = new WebhookEndpointStore(this.db);
    this.subscriptions = new WebsubSubscriptionStore(this.db);
    this.queue = new DeliveryQueue(this.db);
    this.kafkaAdmin = kafka.admin();
    this.producer = kafka.producer();
    this.reporter = new OutcomeReporter(this.producer, env.OPS_EVENTS_TOPIC, (m) =>
      this.logger.warn(m),
    );
    this.consumer = new ResilientConsumer(kafka, {
      groupId: env.DISTRIBUTOR_GROUP_ID,
      topic: env.ITEMS_TOPIC,
      deadLetterTopic: env.DISTRIBUTOR_DLQ_TOPIC,
      log: (level, message) => this.logger[level === 'info' ? 'log' : level](message),
      onFatal: () => process.exit(70),
    });
    this.handler = new ItemsBatchHandler(
      this.db,
      new TargetDirectory(endpoints, this.subscriptions, partners),
      {
        publicBaseUrl: env.PUBLIC_BASE_URL,
        now: () => new Date(),
        correlations: this.correlations,
        log: (level, message) => this.logger[level](message),
        dispatch: {
          owner,
          leaseMs: env.DISTRIBUTOR_LEASE_MS,
          room: (targetId) => this.worker.room(targetId),
        },
      },
    );
    this.gates = new EndpointGates(
      env.DISTRIBUTOR_ENDPOINT_CONCURRENCY,
      env.DISTRIBUTOR_CIRCUIT_FAILURES,
      env.DISTRIBUTOR_CIRCUIT_OPEN_MS,
    );
    this.worker = new DeliveryWorker(
      this.queue,
      this.gates,
      {
        webhook: new WebhookSender(
          endpoints,
          new DeliveryRenditions(this.db),
          box,
          { partners, articles: new FeedReadModel(this.db) },
          {
            timeoutMs: env.DISTRIBUTOR_REQUEST_TIMEOUT_MS,
            lookup,
            publicBaseUrl: env.PUBLIC_BASE_URL,
          },
        ),
        websub: new WebsubSender(this.subscriptions, new ChangeLog(this.db), box, {
          timeoutMs: env.DISTRIBUTOR_REQUEST_TIMEOUT_MS,
          lookup,
          hubUrl: env.DISTRIBUTOR_HUB_URL,
        }),
      },
      {
        owner,
        leaseMs: env.DISTRIBUTOR_LEASE_MS,
        pollMs: env.DISTRIBUTOR_POLL_MS,
        maxInFlight: env.DISTRIBUTOR_MAX_IN_FLIGHT,
        perTarget: env.DISTRIBUTOR_ENDPOINT_CONCURRENCY,
        retry: {
          maxAttempts: env.DISTRIBUTOR_MAX_ATTEMPTS,
          maxAgeMs: env.DISTRIBUTOR_MAX_AGE_SECONDS * 1000,
          initialMs: env.DISTRIBUTOR_RETRY_INITIAL_MS,
          maxMs: env.DISTRIBUTOR_RETRY_MAX_MS,
        },
        now: () => new Date(),
        log: (level, message) => this.logger[level](message),
        report: (delivery, outcome, detail, status, sender) =>
          this.reportOutcome(delivery, outcome, detail, status, sender),
      },
    );
    this.hub = new WebsubHub(this.subscriptions, partners, box, policy, {
      feedApiUrl: env.DISTRIBUTOR_FEED_API_URL,
      lease: {
        min: env.DISTRIBUTOR_WEBSUB_MIN_LEASE_SECONDS,
        default: env.DISTRIBUTOR_WEBSUB_DEFAULT_LEASE_SECONDS,
        max: env.DISTRIBUTOR_WEBSUB_MAX_LEASE_SECONDS,
      },
      maxSubscriptions: env.DISTRIBUTOR_WEBSUB_MAX_SUBSCRIPTIONS,
      timeoutMs: env.DISTRIBUTOR_REQUEST_TIMEOUT_MS,
      lookup,
      log: (message) => this.logger.warn(message),
    });
    this.webhookAdmin = new WebhookAdmin(endpoints, partners, box, policy);
  }

  async onApplicationBootstrap(): Promise<void> {
    const applied = await migrate(this.db, MIGRATIONS);
    if (applied.length > 0) this.logger.log(`migrations applied: ${applied.join(', ')}`);
    await this.kafkaAdmin.connect();
    await ensureTopics(this.kafkaAdmin, [
      { topic: this.env.DISTRIBUTOR_DLQ_TOPIC, partitions: 1 },
      { topic: this.env.OPS_EVENTS_TOPIC, partitions: 1 },
    ]);
    await this.kafkaAdmin.disconnect();
    await this.producer.connect();
    this.worker.start();
    this.sweeper = setInterval(() => {
      this.subscriptions
        .expire(new Date())
        .catch((error: unknown) => this.logger.warn(`lease sweep: ${String(error)}`));
    }, LEASE_SWEEP_MS);
    await this.consumer.start(async (messages) => {
      const { deadLetters, added, claimed } = await this.handler.handle(messages);
      this.worker.dispatch(claimed);
      if (added > 0) this.worker.notify();
      return deadLetters;
    });
  }

  /**
   * Ready: the database answers, every migration is applied, and the consumer owns partitions of
   * syndication.items (issue 7). A replica beyond the partition count stays unready though its
   * worker still sends from the shared queue: run as many replicas as partitions.
   */
  indicators(): HealthIndicatorFunction[] {
    return [
      () => databaseIndicator(() => this.db.query('SELECT 1')),
      () => migrationsIndicator(() => pendingMigrations(this.db, MIGRATIONS)),
      () => kafkaIndicator(() => this.consumer.assignedPartitions()),
    ];
  }

  /** Each attempt's outcome: counted in /metrics and reported on ops.events. */
  private reportOutcome(
    delivery: Delivery,
    outcome: 'delivered' | 'failed' | 'dead',
    detail: string,
    status: number | null,
    sender: Sender,
  ): void {
    const at = new Date();
    const circuit = this.gates.circuitState(delivery.targetId, at.getTime());
    const correlationId = this.correlations.of(delivery.articleId, delivery.version);
    // Under the item's id, so that a line logged about this outcome carries it too.
    void withCorrelationId(correlationId, () =>
      sender
        .partnerOf(delivery.targetId)
        .then((partnerId) => {
          countDelivery(this.metrics, {
            partner: partnerId,
            outcome,
            storedAt: delivery.storedAt,
            at,
            circuit,
          });
          this.reporter.report({
            outcome,
            partnerId,
            articleId: delivery.articleId,
            version: delivery.version,
            format: delivery.format,
            attempt: delivery.attempts,
            ...(status === null ? {} : { statusCode: status }),
            detail,
            ...(correlationId === undefined ? {} : { correlationId }),
            at: at.toISOString(),
          });
        })
        .catch((error: unknown) =>
          this.logger.warn(`delivery ${delivery.id} not counted or reported: ${String(error)}`),
        ),
    );
  }

  assignedPartitions(): string[] {
    return this.consumer.assignedPartitions();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    await this.consumer.stop();
    await this.worker.stop();
    await this.hub.settled();
    await this.reporter.flush();
    await this.producer.disconnect();
    await this.db.close();
  }
}
