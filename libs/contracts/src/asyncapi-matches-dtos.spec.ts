import { knownVariables, requiredVariables } from '@depeche/config';
import { Parser } from '@asyncapi/parser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ArticleAuthorDto,
  ArticleDto,
  ArticleEventDto,
  ArticleImageDto,
  ArticleLocationDto,
  ArticleRightsDto,
  ArticleSubjectDto,
  ARTICLE_EVENT_TYPES,
  decodeJsonEvent,
  PERMANENT_ERROR_CODES,
  DLQ_HEADERS,
} from '.';

/** docs/asyncapi.yaml is the contract partners read; the DTOs are what ingest enforces. They must agree. */
const SOURCE = readFileSync(join(__dirname, '../../../docs/asyncapi.yaml'), 'utf8');

interface JsonSchema {
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: string[];
}

const SCHEMA_DTOS: Record<string, new () => object> = {
  ArticleEvent: ArticleEventDto,
  Article: ArticleDto,
  Subject: ArticleSubjectDto,
  Author: ArticleAuthorDto,
  Location: ArticleLocationDto,
  Image: ArticleImageDto,
  Rights: ArticleRightsDto,
};

describe('docs/asyncapi.yaml', () => {
  let schemas: Record<string, JsonSchema>;
  let examples: { message: string; payload: { type: string; article: { id: string } } }[];

  beforeAll(async () => {
    const { document, diagnostics } = await new Parser().parse(SOURCE);
    // Spectral's DiagnosticSeverity.Error is 0.
    const errors = diagnostics.filter((d) => Number(d.severity) === 0);
    expect(errors.map((e) => `${e.path.join('.')}: ${e.message}`)).toEqual([]);
    if (!document) throw new Error('AsyncAPI document did not parse');
    expect(document.version()).toBe('3.0.0');
    const json: { components: { schemas: Record<string, JsonSchema> } } = JSON.parse(
      JSON.stringify(document.json()),
    ) as { components: { schemas: Record<string, JsonSchema> } };
    schemas = json.components.schemas;
    examples = document
      .allMessages()
      .all()
      .flatMap((message) =>
        message
          .examples()
          .all()
          .map((example) => ({
            message: message.name() ?? '',
            payload: example.payload() as { type: string; article: { id: string } },
          })),
      );
  });

  it.each(Object.entries(SCHEMA_DTOS))('documents exactly the fields of %s', (name, dto) => {
    const schema = schemas[name];
    expect(Object.keys(schema?.properties ?? {}).sort()).toEqual(knownVariables(dto));
    expect([...(schema?.required ?? [])].sort()).toEqual(requiredVariables(dto));
  });

  it('lists the event types the DTO accepts', () => {
    expect(schemas.ArticleEvent?.properties?.type?.enum).toEqual([...ARTICLE_EVENT_TYPES]);
  });

  it('lists every dead-letter error code and header', () => {
    const headers = schemas.DeadLetterHeaders?.properties ?? {};
    expect(headers['dlq-error-code']?.enum).toEqual([...PERMANENT_ERROR_CODES]);
    expect(Object.keys(headers).sort()).toEqual(Object.values(DLQ_HEADERS).sort());
  });

  it('has one example per event type, each accepted by the decoder', () => {
    const eventExamples = examples.filter((e) =>
      (ARTICLE_EVENT_TYPES as readonly string[]).includes(e.message),
    );
    expect(eventExamples.map((e) => e.payload.type).sort()).toEqual(
      [...ARTICLE_EVENT_TYPES].sort(),
    );
    for (const example of eventExamples) {
      expect(example.payload.type).toBe(example.message);
      const event = decodeJsonEvent(JSON.stringify(example.payload), example.payload.article.id);
      expect(event.type).toBe(example.message);
    }
  });
});
