import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureKafkaJars } from '../../tools/kafka/kafka';

/**
 * The broker of this run was started from the jar cache; asking for the jars again must not run
 * Maven at all. A stand-in `mvn` first on PATH records any call.
 */
describe('the Kafka jar cache', () => {
  const bin = mkdtempSync(join(tmpdir(), 'depeche-fake-mvn-'));
  const called = join(bin, 'called');
  const path = process.env.PATH;

  beforeAll(() => {
    writeFileSync(join(bin, 'mvn'), `#!/bin/sh\ntouch '${called}'\nexit 1\n`);
    chmodSync(join(bin, 'mvn'), 0o755);
    process.env.PATH = `${bin}:${path ?? ''}`;
  });

  afterAll(() => {
    process.env.PATH = path;
    rmSync(bin, { recursive: true, force: true });
  });

  it('serves a second request from the cache without calling mvn', async () => {
    const jars = await ensureKafkaJars({ log: () => undefined });
    expect(jars.downloaded).toBe(false);
    expect(existsSync(called)).toBe(false);
    expect(jars.version).toMatch(/^4\.\d+\.\d+$/);
  });
});
