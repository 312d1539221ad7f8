/** The broker's jars, downloaded once with mvn into the git-ignored cache. */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EnsureJarsOptions, KafkaJars } from './kafka-options';
import { defaultLog, resolvePaths } from './paths';

const LIBS_MARKER = 'libs.complete.json';

/** The kafka.version property of the pom: the single place the version lives. */
export function pomKafkaVersion(pomXml: string): string {
  const match = /<kafka\.version>\s*([^<\s]+)\s*<\/kafka\.version>/.exec(pomXml);
  if (!match?.[1]) throw new Error('pom.xml has no <kafka.version> property');
  return match[1];
}

interface LibsMarker {
  version: string;
  pomSha256: string;
  jars: string[];
  completedAt: string;
}

function readLibsMarker(file: string): LibsMarker | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LibsMarker;
  } catch {
    return undefined;
  }
}

/** Valid when written for the same pom and every jar it lists is still there. */
function markerIsValid(
  marker: LibsMarker | undefined,
  pomSha256: string,
  libsDir: string,
): boolean {
  return (
    marker !== undefined &&
    marker.pomSha256 === pomSha256 &&
    marker.jars.length > 0 &&
    marker.jars.every((jar) => fs.existsSync(path.join(libsDir, jar)))
  );
}

export function runCommand(
  command: string,
  args: string[],
  cwd: string,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, output });
    });
  });
}

/**
 * Downloads the broker's runtime classpath once into
 * <cache>/<version>/libs. A marker file (keyed by the pom's hash) makes
 * later calls return at once without running mvn.
 */
export async function ensureKafkaJars(opts: EnsureJarsOptions = {}): Promise<KafkaJars> {
  const paths = resolvePaths(opts);
  const log = opts.log ?? defaultLog;
  const pomXml = fs.readFileSync(paths.pomFile, 'utf8');
  const version = opts.version ?? pomKafkaVersion(pomXml);
  const pomSha256 = createHash('sha256').update(pomXml).update(`\0${version}`).digest('hex');
  const versionDir = path.join(paths.cacheDir, version);
  const libsDir = path.join(versionDir, 'libs');
  const markerFile = path.join(versionDir, LIBS_MARKER);

  if (markerIsValid(readLibsMarker(markerFile), pomSha256, libsDir)) {
    return { version, libsDir, downloaded: false };
  }

  fs.mkdirSync(versionDir, { recursive: true });
  // Download next to the target and rename, so a killed mvn never leaves a
  // half-filled libs/ that a later run would trust.
  const tmpDir = fs.mkdtempSync(path.join(versionDir, 'libs.tmp-'));
  fs.chmodSync(tmpDir, 0o755); // mkdtemp makes it private; the cache is not.
  log(`kafka: downloading Kafka ${version} jars with mvn into ${libsDir}`);
  const started = Date.now();
  try {
    const { code, output } = await runCommand(
      'mvn',
      [
        '-q',
        '-B',
        'dependency:copy-dependencies',
        '-DincludeScope=runtime',
        `-DoutputDirectory=${tmpDir}`,
        `-Dkafka.version=${version}`,
        '-f',
        paths.pomFile,
      ],
      paths.repoRoot,
    );
    if (code !== 0) {
      throw new Error(`mvn exited with ${code}:\n${output.trim()}`);
    }
    const jars = fs.readdirSync(tmpDir).filter((f) => f.endsWith('.jar'));
    if (!jars.some((jar) => jar.startsWith(`kafka_2.13-${version}`))) {
      throw new Error(`mvn did not fetch kafka_2.13-${version}.jar`);
    }
    fs.rmSync(libsDir, { recursive: true, force: true });
    fs.renameSync(tmpDir, libsDir);
    const marker: LibsMarker = {
      version,
      pomSha256,
      jars: jars.sort(),
      completedAt: new Date().toISOString(),
    };
    fs.writeFileSync(markerFile, `${JSON.stringify(marker, null, 2)}\n`);
    log(`kafka: ${jars.length} jars in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { version, libsDir, downloaded: true };
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
}
