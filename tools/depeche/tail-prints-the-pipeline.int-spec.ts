import {
  JSON_EVENT_HEADERS,
  kcatProduce,
  sampleEvent,
  testBrokers,
  testTopics,
  waitFor,
  type TestTopics,
} from '@depeche/testing';
import { main } from './cli';

/** `npm run depeche -- tail`: every pipeline topic, one line per message, until interrupted. */
describe('npm run depeche -- tail', () => {
  let topics: TestTopics;

  beforeAll(async () => {
    topics = await testTopics();
  });

  afterAll(async () => {
    await topics.cleanup();
  });

  it('prints a line for an event and for a dead letter as they come, and stops on Ctrl-C', async () => {
    const events = await topics.create('articles.events');
    const dlq = await topics.create('articles.events.dlq');
    const items = await topics.create('syndication.items');
    let out = '';
    let progress = '';
    let interrupt: () => void = () => undefined;
    const interrupted = new Promise<void>((resolve) => (interrupt = resolve));
    const running = main(['tail'], {
      env: {
        KAFKA_BROKERS: testBrokers().join(','),
        INGEST_TOPIC: events,
        INGEST_DLQ_TOPIC: dlq,
        ITEMS_TOPIC: items,
      },
      output: { out: (t) => void (out += t), progress: { write: (t) => void (progress += t) } },
      interrupted,
    });
    await waitFor(() => (progress.includes('Ctrl-C stops') ? true : undefined), {
      describe: () => progress,
    });

    const event = sampleEvent({ article: { id: 'tail-story', version: 1 } });
    await kcatProduce(testBrokers().join(','), events, {
      key: 'tail-story',
      value: JSON.stringify(event),
      headers: { ...JSON_EVENT_HEADERS, 'correlation-id': 'tail-1' },
    });
    await kcatProduce(testBrokers().join(','), dlq, {
      key: 'broken',
      value: '{',
      headers: { 'dlq-error-code': 'invalid-json', 'dlq-error-message': 'Unexpected end' },
    });
    await waitFor(() => (out.split('\n').length > 2 ? true : undefined), {
      timeoutMs: 60_000,
      describe: () => out,
    });
    interrupt();
    expect(await running).toBe(0);

    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(`^\\S+Z ${events}\\[0\\]@0 tail-story article\\.published correlation=tail-1$`),
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(`^\\S+Z ${dlq}\\[0\\]@0 broken invalid-json: Unexpected end$`),
      ),
    );
  });
});
