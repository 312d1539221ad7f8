import { chunkByBytes } from './chunk-by-bytes';

const utf8 = (m: { value: string }) => Buffer.byteLength(m.value);

const message = (bytes: number) => ({ value: 'x'.repeat(bytes) });

describe('chunkByBytes', () => {
  it('keeps each request at or under the limit, in order', () => {
    const chunks = chunkByBytes(
      [message(400), message(400), message(100), message(300)],
      utf8,
      800,
    );
    expect(chunks.map((c) => c.map((m) => m.value.length))).toEqual([
      [400, 400],
      [100, 300],
    ]);
  });

  it('sends a message larger than the limit on its own rather than dropping it', () => {
    const chunks = chunkByBytes([message(10), message(2000), message(10)], utf8, 800);
    expect(chunks.map((c) => c.map((m) => m.value.length))).toEqual([[10], [2000], [10]]);
  });

  it('counts bytes, not characters', () => {
    // 'é' is two bytes in UTF-8: 300 of them are 600 bytes.
    const chunks = chunkByBytes(
      [{ value: 'é'.repeat(300) }, { value: 'é'.repeat(300) }],
      utf8,
      1000,
    );
    expect(chunks).toHaveLength(2);
  });
});
