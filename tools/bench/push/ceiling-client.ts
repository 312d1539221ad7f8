/**
 * THE CEILING ONLY, never product code: a bare keep-alive node:http client posting the same bytes
 * with the same headers (signature computed once) to the same receivers as the distributor, as many
 * in flight per receiver as its DISTRIBUTOR_ENDPOINT_CONCURRENCY, for a fixed time. No database, no
 * Kafka, no queue: what this machine gives one Node process that does nothing but post.
 * Run as its own process by push.ts: `node ceiling-client.js <config.json>`; prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

export interface CeilingClientConfig {
  readonly urls: readonly string[];
  readonly bodyFile: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly perTarget: number;
  readonly seconds: number;
}

export interface CeilingClientResult {
  readonly sent: number;
  readonly failed: number;
  readonly seconds: number;
  /** This process's own CPU over the run, user and system. */
  readonly cpuSeconds: number;
}

const config = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as CeilingClientConfig;
const body = readFileSync(config.bodyFile);
const agent = new Agent({ keepAlive: true, maxSockets: 256 });
const headers = { ...config.headers, 'content-length': String(body.length) };
const until = Date.now() + config.seconds * 1000;
let sent = 0;
let failed = 0;

function post(url: string): Promise<void> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', agent, headers }, (res) => {
      res.resume();
      res.on('end', () => {
        if (res.statusCode !== undefined && res.statusCode < 300) sent += 1;
        else failed += 1;
        resolve();
      });
    });
    req.on('error', () => {
      failed += 1;
      resolve();
    });
    req.end(body);
  });
}

async function lane(url: string): Promise<void> {
  while (Date.now() < until) await post(url);
}

const started = Date.now();
const cpu = process.cpuUsage();
void Promise.all(
  config.urls.flatMap((url) => Array.from({ length: config.perTarget }, () => lane(url))),
).then(() => {
  const { user, system } = process.cpuUsage(cpu);
  const result: CeilingClientResult = {
    sent,
    failed,
    seconds: (Date.now() - started) / 1000,
    cpuSeconds: (user + system) / 1e6,
  };
  console.log(JSON.stringify(result));
  agent.destroy();
});
