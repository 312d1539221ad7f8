import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { freePort } from '@depeche/testing';

export interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly url: string;
  readonly method: string;
  /** The order in which requests finished, across every receiver of the test. */
  readonly finished: number;
  readonly status: number;
}

export type Behaviour = (request: {
  headers: IncomingHttpHeaders;
  url: string;
  method: string;
  body: Buffer;
}) =>
  | { status: number; body?: string; delayMs?: number; headers?: Record<string, string> }
  | Promise<{ status: number; body?: string; delayMs?: number; headers?: Record<string, string> }>;

let clock = 0;

/** A partner's HTTP endpoint on loopback that records what it is sent, answering as told. */
export class Receiver {
  readonly received: Received[] = [];
  private server: Server | undefined;

  private constructor(
    readonly port: number,
    private behaviour: Behaviour,
  ) {}

  static async start(
    behaviour: Behaviour = () => ({ status: 204 }),
    open = true,
  ): Promise<Receiver> {
    const receiver = new Receiver(await freePort(), behaviour);
    if (open) await receiver.open();
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  answer(behaviour: Behaviour): void {
    this.behaviour = behaviour;
  }

  /** Only the 2xx answers: what the partner accepted. */
  accepted(): Received[] {
    return this.received.filter((r) => r.status >= 200 && r.status < 300 && r.method === 'POST');
  }

  open(): Promise<void> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        void Promise.resolve(
          this.behaviour({
            headers: req.headers,
            url: req.url ?? '',
            method: req.method ?? '',
            body,
          }),
        ).then(async (answer) => {
          if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
          this.received.push({
            headers: req.headers,
            body,
            url: req.url ?? '',
            method: req.method ?? '',
            finished: ++clock,
            status: answer.status,
          });
          res.writeHead(answer.status, answer.headers ?? {});
          res.end(answer.body ?? '');
        });
      });
    });
    this.server = server;
    return new Promise((resolve) => server.listen(this.port, '127.0.0.1', () => resolve()));
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
