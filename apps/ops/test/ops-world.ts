import {
  createSqliteTestDatabase,
  startAppProcess,
  testBrokers,
  testTopics,
  uniqueName,
  type AppProcess,
  type TestDatabase,
  type TestTopics,
} from '@depeche/testing';

export const OPERATOR = { username: 'operator', password: 'a long test password' };

/** Topics, one database shared by ingest and ops (as `npm start` runs them), and both apps. */
export interface OpsWorld {
  readonly topics: TestTopics;
  readonly events: string;
  readonly dlq: string;
  readonly items: string;
  readonly opsEvents: string;
  readonly database: TestDatabase;
  readonly brokers: string;
  readonly ingest: AppProcess;
  readonly ops: AppProcess;
  cleanup(): Promise<void>;
}

export async function createOpsWorld(): Promise<OpsWorld> {
  const topics = await testTopics();
  const events = await topics.create('articles.events', 2);
  const dlq = await topics.create('articles.events.dlq');
  const items = await topics.create('syndication.items', 2);
  const opsEvents = await topics.create('ops.events');
  const database = createSqliteTestDatabase();
  const brokers = testBrokers().join(',');
  const ingestGroup = uniqueName('ingest');
  const common = {
    ...database.env,
    KAFKA_BROKERS: brokers,
    INGEST_TOPIC: events,
    INGEST_DLQ_TOPIC: dlq,
    ITEMS_TOPIC: items,
    INGEST_GROUP_ID: ingestGroup,
  };
  const ingest = await startAppProcess('ingest', { ...common, KAFKA_CLIENT_ID: 'ops-test-ingest' });
  let ops: AppProcess;
  try {
    ops = await startAppProcess('ops', {
      ...common,
      KAFKA_CLIENT_ID: 'ops-test-ops',
      OPS_GROUP_ID: uniqueName('ops'),
      OPS_EVENTS_TOPIC: opsEvents,
      OPS_USERNAME: OPERATOR.username,
      OPS_PASSWORD: OPERATOR.password,
    });
  } catch (error) {
    // Leave nothing running behind a failed start.
    await ingest.stop();
    await topics.cleanup();
    await database.drop();
    throw error;
  }
  return {
    topics,
    events,
    dlq,
    items,
    opsEvents,
    database,
    brokers,
    ingest,
    ops,
    async cleanup() {
      await Promise.all([ops.stop(), ingest.stop()]);
      await topics.cleanup();
      await database.drop();
    },
  };
}

/** Logs in as the operator and returns the session cookie (`name=value`). */
export async function login(url: string): Promise<string> {
  const response = await fetch(`${url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(OPERATOR).toString(),
  });
  const cookie = response.headers.get('set-cookie');
  if (response.status !== 303 || !cookie) throw new Error(`login failed: ${response.status}`);
  return cookie.split(';')[0] ?? '';
}

export interface SseMessage {
  readonly event: string;
  readonly data: string;
}

/**
 * Reads a server-sent-events stream until `found` returns something; a plain fetch, not an
 * EventSource, so the test sees exactly what goes over the wire (WHATWG HTML §9.2 framing).
 */
export async function readSse<T>(
  url: string,
  cookie: string,
  found: (message: SseMessage) => T | undefined,
  timeoutMs = 60_000,
): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, { headers: { cookie }, signal: controller.signal });
    if (response.status !== 200 || !response.body) throw new Error(`SSE ${response.status}`);
    expectEventStream(response.headers.get('content-type'));
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const message = { event: 'message', data: '' };
        for (const line of block.split('\n')) {
          if (line.startsWith('event: ')) message.event = line.slice(7);
          if (line.startsWith('data: ')) message.data += line.slice(6);
        }
        const result = found(message);
        if (result !== undefined) return result;
      }
    }
    throw new Error('SSE stream ended');
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

function expectEventStream(contentType: string | null): void {
  if (!contentType?.startsWith('text/event-stream')) {
    throw new Error(`not an event stream: ${contentType}`);
  }
}
