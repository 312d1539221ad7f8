import { Controller, Get, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { connect, type Socket } from 'node:net';
import { createHttpApp } from './create-http-app';

let entered: () => void = () => undefined;
let release: () => void = () => undefined;

@Controller()
class SlowController {
  @Get('slow')
  async slow(): Promise<string> {
    await new Promise<void>((resolve) => {
      release = resolve;
      entered();
    });
    return 'slow done';
  }

  @Get('fast')
  fast(): string {
    return 'fast done';
  }
}

@Module({ controllers: [SlowController] })
class SlowModule {}

/** Everything the server writes on `socket` until it closes the connection. */
function readAll(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

/**
 * server.close() reaps idle connections only: a request that arrives on a busy keep-alive
 * connection while the app closes still reaches Fastify, which answered it with its own JSON.
 */
describe('a request that arrives while the app is closing', () => {
  it('gets 503 as problem details, with Retry-After, and the connection is closed', async () => {
    const app: NestFastifyApplication = await createHttpApp('test', SlowModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as { port: number };
    const socket = connect(port, '127.0.0.1');
    const answer = readAll(socket);
    const inSlow = new Promise<void>((resolve) => (entered = resolve));
    socket.write('GET /slow HTTP/1.1\r\nHost: x\r\n\r\n');
    await inSlow;

    const closed = app.close();
    socket.write('GET /fast HTTP/1.1\r\nHost: x\r\n\r\n');
    // The second request is parsed and refused before the first is answered.
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await closed;

    const [first = '', second = ''] = (await answer).split(/(?=HTTP\/1\.1 )/);
    expect(first).toMatch(/^HTTP\/1\.1 200 /);
    expect(first).toMatch(/\r\n\r\nslow done$/);
    const [head = '', body = ''] = second.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 503 /);
    expect(head).toMatch(/\r\ncontent-type: application\/problem\+json(; charset=utf-8)?\r\n/i);
    expect(head).toMatch(/\r\nretry-after: 1\r\n/i);
    expect(head).toMatch(/\r\nconnection: close\r\n/i);
    expect(JSON.parse(body)).toEqual({
      type: 'about:blank',
      title: 'Service Unavailable',
      status: 503,
      detail: 'The server is shutting down; retry in a moment.',
    });
  });
});
