import { checkMessage } from './decode-envelope';
import type { RawMessage } from './raw-message';

const message = (correlationId: string | Buffer | undefined): RawMessage => ({
  key: Buffer.from('a-1'),
  value: Buffer.from('{}'),
  headers: {
    'content-type': 'application/json',
    ...(correlationId === undefined ? {} : { 'correlation-id': correlationId }),
  },
});

describe('a correlation-id header that is not 1–200 printable ASCII characters', () => {
  it.each([
    ['a plain id', '7f0d7c4e-cms-1'],
    ['printable punctuation and spaces', 'trace=abc; span 42/7 ~!'],
    ['200 characters', 'x'.repeat(200)],
  ])('keeps %s as it is', (_name, id) => {
    expect(checkMessage(message(id), 1024).correlationId).toBe(id);
  });

  it.each<[string, string | Buffer]>([
    ['NUL', 'abc\u0000def'],
    ['a line break (header injection into logs)', 'abc\r\nX-Evil: 1'],
    ['a tab', 'abc\tdef'],
    ['DEL', 'abc\u007f'],
    ['non-ASCII', 'café'],
    ['invalid UTF-8 bytes', Buffer.from([0x61, 0xff, 0xfe])],
    ['201 characters', 'x'.repeat(201)],
    ['1 MB', 'x'.repeat(1_000_000)],
    ['an empty value', ''],
  ])('drops one holding %s, and the message is still accepted', (_name, id) => {
    const checked = checkMessage(message(id), 1024);
    expect(checked.key).toBe('a-1');
    expect(checked).not.toHaveProperty('correlationId');
  });
});
