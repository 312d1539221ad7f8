import { HEADERS } from '@depeche/contracts';
import {
  JSON_EVENT_HEADERS,
  kcatProduce,
  parsePrometheusText,
  readTopic,
  sampleEvent,
  sampleValue,
  startAppProcess,
  testBrokers,
  testKafka,
  uniqueName,
  waitFor,
} from '@depeche/testing';
import { DistributorWorld } from './distributor-harness';
import { verifyDepecheSignature } from './documented-verifier';
import { Receiver } from './receiver';

/** Issue 6 acceptance: the sample, produced with kcat, reaches two partners in their formats, signed. */
describe('the sample article pushed end to end', () => {
  let world: DistributorWorld;
  const receivers: Receiver[] = [];

  beforeAll(async () => {
    world = await DistributorWorld.create(1);
  });

  afterAll(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    await world.cleanup();
  });

  it('reaches a ninjs partner and a NewsML-G2 partner, each verifying with its secret only', async () => {
    const events = await world.topics.create('articles.events');
    const ingestDlq = await world.topics.create('articles.events.dlq');
    const distributor = await world.startDistributor();
    const ninjs = await Receiver.start();
    const newsml = await Receiver.start();
    receivers.push(ninjs, newsml);
    await world.partner('le-soir');
    await world.partner('rtbf', { contentLevel: 'summary' });
    const soir = await world.webhook(distributor, 'le-soir', ninjs.url, 'ninjs');
    const rtbf = await world.webhook(distributor, 'rtbf', newsml.url, 'newsml');
    const ingest = await startAppProcess('ingest', {
      ...world.database.env,
      KAFKA_BROKERS: testBrokers().join(','),
      INGEST_TOPIC: events,
      INGEST_DLQ_TOPIC: ingestDlq,
      ITEMS_TOPIC: world.items,
      INGEST_GROUP_ID: uniqueName('ingest'),
    });
    world.processes.push(ingest);

    const event = sampleEvent();
    await kcatProduce(testBrokers().join(','), events, {
      key: event.article.id,
      value: JSON.stringify(event),
      headers: { ...JSON_EVENT_HEADERS, [HEADERS.correlationId]: 'sample-push-1' },
    });
    await waitFor(
      () => (ninjs.accepted().length > 0 && newsml.accepted().length > 0 ? true : undefined),
      {
        describe: () => `${distributor.output()}\n${ingest.output()}`,
      },
    );

    const [toSoir] = ninjs.accepted();
    const [toRtbf] = newsml.accepted();
    if (!toSoir || !toRtbf) throw new Error('nothing received');
    expect(toSoir.headers['content-type']).toMatch(/^application\/json/);
    expect(toRtbf.headers['content-type']).toMatch(/^application\/vnd\.iptc\.g2\.newsitem\+xml/);
    for (const [received, secret, other] of [
      [toSoir, soir.secret, rtbf.secret],
      [toRtbf, rtbf.secret, soir.secret],
    ] as const) {
      const header = String(received.headers['x-depeche-signature']);
      expect(verifyDepecheSignature(header, secret, received.body)).toBe(true);
      expect(verifyDepecheSignature(header, other, received.body)).toBe(false);
      expect(received.headers['x-depeche-timestamp']).toBe(/t=(\d+)/.exec(header)?.[1]);
      expect(received.headers['idempotency-key']).toMatch(/@1"$/);
      expect(received.headers['x-depeche-delivery']).toMatch(/^[0-9a-f-]{36}$/);
    }
    const ninjsItem = JSON.parse(toSoir.body.toString('utf8')) as {
      uri?: string;
      representationType?: string;
    };
    expect(ninjsItem.uri).toBe('urn:depeche:webradio-media:wrm-20250704-loukachenko-etats-unis');
    expect(ninjsItem.representationType).toBe('full');
    expect(toRtbf.body.toString('utf8')).toContain('<newsItem');
    // Summary level: the NewsML-G2 item carries no body for rtbf.
    expect(toRtbf.body.toString('utf8')).not.toContain('<contentSet');

    // Issue 7: ready through terminus, and /metrics counts each partner's delivery.
    const ready = await fetch(`${distributor.url}/health/ready`);
    expect(ready.status).toBe(200);
    const checks = (await ready.json()) as { details: Record<string, unknown> };
    expect(Object.keys(checks.details).sort()).toEqual(['database', 'kafka', 'migrations']);
    const delivered = (partner: string) => async (): Promise<number | undefined> => {
      const text = await (await fetch(`${distributor.url}/metrics`)).text();
      const families = parsePrometheusText(text);
      const labels = { app: 'distributor', partner, outcome: 'delivered' };
      return sampleValue(families, 'depeche_deliveries_total', labels);
    };
    // Counted once the partner is looked up, just after the receiver acknowledged: wait for it.
    expect(await waitFor(delivered('le-soir'))).toBe(1);
    expect(await waitFor(delivered('rtbf'))).toBe(1);

    // The outcomes on ops.events carry the correlation id the event came with.
    const reports = await readTopic(testKafka(), world.opsEvents, (m) => m.length >= 2);
    for (const report of reports) {
      expect(JSON.parse(String(report.value))).toMatchObject({
        outcome: 'delivered',
        correlationId: 'sample-push-1',
      });
    }
  });
});
