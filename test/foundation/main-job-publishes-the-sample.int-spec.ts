import { repoRoot, testBrokers } from '@depeche/testing';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The README's main command, as `npm start --smoke` runs it (on the test run's broker): every app
 * starts on SQLite, the sample article is published and ingest stores it, a demo partner's feed
 * carries it, then all stops.
 */
describe('the main job', () => {
  const dir = mkdtempSync(join(tmpdir(), 'depeche-start-'));

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts every app, publishes the sample article, sees it stored and in a partner feed, and stops cleanly', async () => {
    const child = spawn(
      process.execPath,
      [join(repoRoot(), 'dist/tools/start/main.js'), '--smoke'],
      {
        env: {
          ...process.env,
          KAFKA_BROKERS: testBrokers().join(','),
          SQLITE_PATH: join(dir, 'depeche.sqlite'),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect({ code, output }).toEqual({ code: 0, output: expect.any(String) as string });
    expect(output).toContain(
      'sample article stored by ingest: v1 « Loukachenko appelle à normaliser les relations avec les États-Unis »',
    );
    // The newcomer's way in: a partner feed and a key that pulls it, already checked to carry the sample.
    expect(output).toContain('the demo partner’s feed carries the sample article');
    expect(output).toMatch(
      /demo feed +http:\/\/127\.0\.0\.1:3000\/v1\/feeds\/demo\.rss +\(X-API-Key: dpk_[A-Za-z0-9_-]{43}\)/,
    );
    for (const app of ['ingest', 'feed-api', 'distributor', 'ops']) {
      expect(output).toMatch(new RegExp(`  ${app} +http://127\\.0\\.0\\.1:\\d+`));
    }
  });
});
