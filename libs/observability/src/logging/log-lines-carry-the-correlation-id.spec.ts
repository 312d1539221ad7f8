import { Writable } from 'node:stream';
import { withCorrelationId } from './correlation';
import { JsonLogger } from './json-logger';

describe('the JSON logger', () => {
  function capture(): { lines: () => Record<string, unknown>[]; stream: Writable } {
    const chunks: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk.toString());
        done();
      },
    });
    const lines = (): Record<string, unknown>[] =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>);
    return { lines, stream };
  }

  it('writes one JSON object per line with the correlation id of the work in progress', async () => {
    const { lines, stream } = capture();
    const logger = new JsonLogger('ingest', 'info', stream);
    logger.log('outside', 'Ctx');
    await withCorrelationId('corr-1', async () => {
      await Promise.resolve(); // the id survives an await
      logger.warn('inside', 'Ctx');
    });
    logger.debug('below the level');
    expect(lines()).toEqual([
      expect.objectContaining({ level: 'info', app: 'ingest', context: 'Ctx', msg: 'outside' }),
      expect.objectContaining({ level: 'warn', correlationId: 'corr-1', msg: 'inside' }),
    ]);
    expect(lines()[0]).not.toHaveProperty('correlationId');
  });

  it('keeps an error stack Nest passes', () => {
    const { lines, stream } = capture();
    new JsonLogger('ops', 'info', stream).error('failed', 'Error: x\n    at y', 'Boot');
    expect(lines()[0]).toMatchObject({
      level: 'error',
      msg: 'failed',
      stack: 'Error: x\n    at y',
      context: 'Boot',
    });
  });
});
