import { freePort } from '@depeche/testing';
import { spawn } from 'node:child_process';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Ceiling } from './node-ceiling';
import type { StaticRoute } from './static-route';

const NGINX = process.env.BENCH_NGINX ?? '/usr/sbin/nginx';

/**
 * One worker by default (BENCH_NGINX_WORKERS): depeche and the node:http ceiling each run as one
 * process on one core, so one nginx worker is the like-for-like ceiling on this 2-core machine.
 */
export const NGINX_WORKERS = process.env.BENCH_NGINX_WORKERS ?? '1';

/**
 * nginx as a non-daemon child with a generated configuration: each route's file served as a
 * static file (sendfile) with depeche's headers, its own strong ETag (mtime-size, `etag on`) and
 * 304 logic, the precompressed `.gz` with `gzip_static on`. The files' mtime is set to depeche's
 * Last-Modified so that header matches too. `www` must already hold the files under route.path.
 */
export async function startNginx(
  dir: string,
  www: string,
  routes: readonly StaticRoute[],
): Promise<Ceiling> {
  const port = await freePort();
  const temp = join(dir, 'nginx-temp');
  mkdirSync(temp, { recursive: true });
  for (const route of routes) {
    const modified = new Date(route.headers['last-modified'] ?? Date.now());
    for (const file of [route.identityFile, route.gzipFile]) {
      if (file !== undefined) utimesSync(file, modified, modified);
    }
  }
  const quote = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const locations = routes.map((route) => {
    const headers = Object.entries(route.headers)
      .filter(([name]) => name !== 'last-modified')
      .map(([name, value]) => `      add_header ${name} ${quote(value)} always;`);
    return [
      `    location = ${route.path} {`,
      `      default_type ${quote(route.contentType)};`,
      ...headers,
      '    }',
    ].join('\n');
  });
  const conf = `
daemon off;
master_process on;
worker_processes ${NGINX_WORKERS};
${process.getuid?.() === 0 ? 'user root root;' : ''}
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'nginx-error.log')} warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${join(temp, 'body')};
  proxy_temp_path ${join(temp, 'proxy')};
  fastcgi_temp_path ${join(temp, 'fastcgi')};
  uwsgi_temp_path ${join(temp, 'uwsgi')};
  scgi_temp_path ${join(temp, 'scgi')};
  types { }
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 72s;
  keepalive_requests 100000000;
  etag on;
  gzip off;
  gzip_static on;
  gzip_vary off;
  server_tokens off;
  server {
    listen 127.0.0.1:${port};
    root ${www};
${locations.join('\n')}
  }
}
`;
  const confFile = join(dir, 'nginx.conf');
  writeFileSync(confFile, conf);
  const child = spawn(NGINX, ['-p', dir, '-e', join(dir, 'nginx-error.log'), '-c', confFile], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${errors}`);
    const up = await fetch(url + (routes[0]?.path ?? '/')).then(
      (r) => r.status > 0,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nginx did not answer within 10 s: ${errors}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // SIGTERM: the master's fast shutdown, which stops its workers too.
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
