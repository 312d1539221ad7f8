import { ArticleStore } from '@depeche/persistence';
import {
  createSqliteTestDatabase,
  JSON_EVENT_HEADERS,
  readTopic,
  sampleEvent,
  testKafka,
  waitFor,
  type AppProcess,
} from '@depeche/testing';
import type { Message } from 'kafkajs';
import { createIngestWorld, type IngestWorld } from './ingest-harness';

const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value), 'utf8');
const article = (fields: Record<string, unknown>) => sampleEvent({ article: fields });
const without = (key: string) => {
  const event = sampleEvent();
  delete event.article[key];
  return event;
};

const LIMIT = 64 * 1024;
const ENTITY_BOMB = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:bomb" version="1"><contentSet><inlineXML>&lol3;</inlineXML></contentSet></newsItem>`;

/** Each bad message, what it should be dead-lettered as, and how it is produced. */
const BAD: { name: string; code: string; message: Message }[] = [
  {
    name: 'malformed JSON',
    code: 'invalid-json',
    message: {
      key: 'a1',
      value: Buffer.from('{"eventId": "x", ', 'utf8'),
      headers: JSON_EVENT_HEADERS,
    },
  },
  {
    name: 'wrong field types',
    code: 'schema-violation',
    message: {
      key: 'wrm-20250704-loukachenko-etats-unis',
      value: json(article({ version: 'two', sections: 'international' })),
      headers: JSON_EVENT_HEADERS,
    },
  },
  {
    name: 'a missing headline',
    code: 'schema-violation',
    message: {
      key: 'wrm-20250704-loukachenko-etats-unis',
      value: json(without('headline')),
      headers: JSON_EVENT_HEADERS,
    },
  },
  {
    name: 'an unknown event type',
    code: 'unknown-event-type',
    message: {
      key: 'wrm-20250704-loukachenko-etats-unis',
      value: json(sampleEvent({ type: 'article.deleted' })),
      headers: JSON_EVENT_HEADERS,
    },
  },
  {
    name: 'a body over the limit',
    code: 'too-large',
    message: {
      key: 'wrm-20250704-loukachenko-etats-unis',
      value: json(article({ body: `<p>${'é'.repeat(LIMIT)}</p>` })),
      headers: JSON_EVENT_HEADERS,
    },
  },
  {
    name: 'invalid UTF-8',
    code: 'invalid-utf8',
    message: {
      key: 'a6',
      value: Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
      headers: JSON_EVENT_HEADERS,
    },
  },
  {
    name: 'an XML entity bomb',
    code: 'forbidden-xml-construct',
    message: {
      key: 'a7',
      value: Buffer.from(ENTITY_BOMB, 'utf8'),
      headers: { 'content-type': 'application/vnd.iptc.g2.newsitem+xml' },
    },
  },
  {
    name: 'a future schemaVersion',
    code: 'unsupported-schema-version',
    message: {
      key: 'wrm-20250704-loukachenko-etats-unis',
      value: json(sampleEvent({ schemaVersion: 2 })),
      headers: { 'content-type': 'application/json', 'schema-version': '2' },
    },
  },
  {
    name: 'an empty value',
    code: 'empty-value',
    message: { key: 'a9', value: Buffer.alloc(0), headers: JSON_EVENT_HEADERS },
  },
  {
    name: 'a missing key',
    code: 'missing-key',
    message: { key: null, value: json(sampleEvent()), headers: JSON_EVENT_HEADERS },
  },
];

describe('bad events go to the dead-letter topic and the consumer keeps going', () => {
  let world: IngestWorld;
  let ingest: AppProcess;

  beforeAll(async () => {
    world = await createIngestWorld(createSqliteTestDatabase());
    ingest = await world.startIngest({ INGEST_MAX_EVENT_BYTES: String(LIMIT) });
  });

  afterAll(async () => {
    await world.cleanup();
  });

  it('dead-letters each with its reason and original bytes, then stores the next good event', async () => {
    const producer = testKafka().producer();
    await producer.connect();
    // Bad and good interleaved on one partition: a bad message must never block the ones behind it.
    const good = sampleEvent({ article: { id: 'good-after-bad', version: 1 } });
    await producer.send({
      topic: world.events,
      acks: -1,
      messages: [
        ...BAD.map((b) => b.message),
        { key: 'good-after-bad', value: json(good), headers: JSON_EVENT_HEADERS },
      ],
    });
    await producer.disconnect();

    const store = new ArticleStore(world.database.db);
    const stored = await waitFor(() => store.current('good-after-bad'), {
      describe: () => ingest.output(),
    });
    expect(stored.article.headline).toBe(good.article.headline);

    const letters = await readTopic(testKafka(), world.dlq, (m) => m.length >= BAD.length);
    expect(letters).toHaveLength(BAD.length);
    for (const [index, bad] of BAD.entries()) {
      const letter = letters[index];
      expect({ name: bad.name, code: letter?.headers['dlq-error-code'] }).toEqual({
        name: bad.name,
        code: bad.code,
      });
      expect(letter?.key ?? null).toBe(bad.message.key);
      expect(Buffer.compare(letter?.value ?? Buffer.alloc(0), bad.message.value as Buffer)).toBe(0);
      expect(letter?.headers).toMatchObject({
        ...(bad.message.headers as Record<string, string>),
        'dlq-source-topic': world.events,
        'dlq-source-partition': '0',
        'dlq-source-offset': String(index),
      });
      expect(letter?.headers['dlq-error-message']?.length).toBeGreaterThan(5);
      expect(Date.parse(letter?.headers['dlq-failed-at'] ?? '')).not.toBeNaN();
    }
    // The failing fields are named where there is a field to name.
    expect(letters[1]?.headers['dlq-error-fields']).toContain('article.version');
    expect(letters[1]?.headers['dlq-error-fields']).toContain('article.sections');
    expect(letters[2]?.headers['dlq-error-fields']).toBe('article.headline');
  });
});
