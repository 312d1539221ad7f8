import { CONTENT_TYPES, HEADERS } from '@depeche/contracts';
import { repoRoot } from '@depeche/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeArticleEvent } from './decode-article-event';

const MIB = 1024 * 1024;
const ID = 'belta-20250704-kellogg-minsk';
const wire = (name: string): string =>
  readFileSync(join(repoRoot(), 'fixtures/wire', name), 'utf8');
const NITF = wire('belta-minsk-kellogg.nitf.xml');
const NEWSML = wire('belta-minsk-kellogg.newsml.xml');

const eventIdOf = (xml: string, contentType: string): string =>
  decodeArticleEvent(
    {
      key: Buffer.from(ID),
      value: Buffer.from(xml, 'utf8'),
      headers: { [HEADERS.contentType]: contentType },
    },
    MIB,
  ).eventId;

/**
 * Issue 3: every change must raise the version, and a stored version arriving with other content
 * is dead-lettered as a version conflict, never dropped as a repeat. Wire copy's event id came from
 * the item's id and version only, so an agency's kill or edit sent under the same version was taken
 * for a repeat of the first item and dropped, silently.
 */
describe('the event id ingest derives for wire copy', () => {
  it('is the same for the same item delivered again', () => {
    expect(eventIdOf(NITF, CONTENT_TYPES.nitf)).toBe(eventIdOf(NITF, CONTENT_TYPES.nitf));
    expect(eventIdOf(NEWSML, CONTENT_TYPES.newsmlG2)).toBe(
      eventIdOf(NEWSML, CONTENT_TYPES.newsmlG2),
    );
  });

  it('differs for an item edited or killed under the same version', () => {
    const first = eventIdOf(NITF, CONTENT_TYPES.nitf);
    const edited = NITF.replace(
      '<person>Irina Volkova</person>',
      '<person>Irina Volkova-Petrova</person>',
    );
    const killed = NITF.replace(
      '<urgency ed-urg="3"/>',
      '<urgency ed-urg="3"/>\n      <doc.status value="withdrawn"/>',
    );
    expect(edited).not.toBe(NITF);
    expect(killed).not.toBe(NITF);
    expect(eventIdOf(edited, CONTENT_TYPES.nitf)).not.toBe(first);
    expect(eventIdOf(killed, CONTENT_TYPES.nitf)).not.toBe(first);
    const canceled = NEWSML.replace(
      '<pubStatus qcode="stat:usable"/>',
      '<pubStatus qcode="stat:canceled"/>',
    );
    expect(canceled).not.toBe(NEWSML);
    expect(eventIdOf(canceled, CONTENT_TYPES.newsmlG2)).not.toBe(
      eventIdOf(NEWSML, CONTENT_TYPES.newsmlG2),
    );
  });
});
