import { checkMessage } from './decode-envelope';
import { PermanentError, type PermanentErrorCode } from './permanent-error';
import type { RawMessage } from './raw-message';

const MAX_BYTES = 10;

const message = (overrides: Partial<RawMessage> = {}): RawMessage => ({
  key: Buffer.from('a-1'),
  value: Buffer.from('{}'),
  headers: {},
  ...overrides,
});

/** The PermanentError checkMessage throws for `raw`; fails the test if it throws none. */
function refusal(raw: RawMessage): PermanentError {
  try {
    checkMessage(raw, MAX_BYTES);
  } catch (error) {
    if (error instanceof PermanentError) return error;
    throw error;
  }
  throw new Error('checkMessage accepted the message');
}

// 0xff never occurs in UTF-8; 0xc3 opens a two-byte sequence that 0x28 does not continue.
const NOT_UTF8 = Buffer.from([0x61, 0xff, 0xc3, 0x28]);

describe('checking a message before its payload', () => {
  it.each<[string, Partial<RawMessage>, PermanentErrorCode]>([
    ['no value (a tombstone)', { value: null }, 'empty-value'],
    ['an empty value', { value: Buffer.alloc(0) }, 'empty-value'],
    // 'é' is two bytes in UTF-8: five of them and an 'x' are 11 bytes, one over the limit of 10.
    ['a value over the byte limit', { value: Buffer.from('éééééx') }, 'too-large'],
    ['no key', { key: null }, 'missing-key'],
    ['an empty key', { key: Buffer.alloc(0) }, 'missing-key'],
    ['a value that is not UTF-8', { value: NOT_UTF8 }, 'invalid-utf8'],
    ['a key that is not UTF-8', { key: NOT_UTF8 }, 'invalid-utf8'],
  ])('refuses %s', (_name, overrides, code) => {
    expect(refusal(message(overrides)).code).toBe(code);
  });

  it('accepts a value of exactly the byte limit', () => {
    // Five two-byte 'é' are 10 bytes: the limit counts bytes, not characters.
    expect(checkMessage(message({ value: Buffer.from('ééééé') }), MAX_BYTES).text).toBe('ééééé');
  });

  it.each(['text/plain', 'application/xml', 'text/json; charset=utf-8'])(
    'refuses content-type %j, naming the header',
    (contentType) => {
      const error = refusal(message({ headers: { 'content-type': contentType } }));
      expect([error.code, error.fields]).toEqual([
        'unsupported-content-type',
        ['headers.content-type'],
      ]);
    },
  );

  it.each<[string, string | Buffer | undefined]>([
    ['application/json; charset=utf-8', 'application/json; charset=utf-8'],
    ['Application/JSON sent as bytes', Buffer.from('Application/JSON')],
    // kcat without -H sends no headers at all (docs/asyncapi.yaml, EventHeaders).
    ['no content-type header', undefined],
  ])('reads %s as JSON', (_name, contentType) => {
    const headers = contentType === undefined ? {} : { 'content-type': contentType };
    expect(checkMessage(message({ headers }), MAX_BYTES).contentType).toBe('application/json');
  });

  it('keeps an XML content type', () => {
    const headers = { 'content-type': 'application/vnd.nitf+xml' };
    expect(checkMessage(message({ headers }), MAX_BYTES).contentType).toBe(
      'application/vnd.nitf+xml',
    );
  });

  it.each(['2', 'abc', ''])('refuses schema-version %j, naming the header', (version) => {
    const error = refusal(message({ headers: { 'schema-version': version } }));
    expect([error.code, error.fields]).toEqual([
      'unsupported-schema-version',
      ['headers.schema-version'],
    ]);
  });

  it('accepts schema-version 1, or none', () => {
    expect(() =>
      checkMessage(message({ headers: { 'schema-version': '1' } }), MAX_BYTES),
    ).not.toThrow();
    expect(() => checkMessage(message(), MAX_BYTES)).not.toThrow();
  });

  it('hands on the key, the text and the correlation id', () => {
    const checked = checkMessage(
      message({ headers: { 'correlation-id': Buffer.from('trace-42') } }),
      MAX_BYTES,
    );
    expect(checked).toEqual({
      key: 'a-1',
      text: '{}',
      contentType: 'application/json',
      correlationId: 'trace-42',
    });
  });
});
