import { repoRoot } from './repo-root';
import { HEADERS } from '@depeche/contracts';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The sample article as the CMS publishes it (fixtures/sample-article.published.json). */
export const SAMPLE_EVENT_FILE = join(repoRoot(), 'fixtures', 'sample-article.published.json');

export interface SampleEvent {
  eventId: string;
  type: string;
  occurredAt: string;
  source: string;
  schemaVersion: number;
  article: Record<string, unknown> & { id: string; version: number };
}

/** The sample event; `article` overrides change the story, e.g. `{ version: 2, headline: … }`. */
export function sampleEvent(
  overrides: Partial<Omit<SampleEvent, 'article'>> & { article?: Record<string, unknown> } = {},
): SampleEvent {
  const base = JSON.parse(readFileSync(SAMPLE_EVENT_FILE, 'utf8')) as SampleEvent;
  return {
    ...base,
    eventId: randomUUID(),
    ...overrides,
    article: { ...base.article, ...(overrides.article ?? {}) },
  };
}

export const JSON_EVENT_HEADERS = {
  [HEADERS.contentType]: 'application/json',
  [HEADERS.schemaVersion]: '1',
} as const;
