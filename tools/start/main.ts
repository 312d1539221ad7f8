/**
 * `npm start`: the main job on the embedded default. Starts a local Kafka unless KAFKA_BROKERS
 * names one, creates the topics, runs every app on one SQLite file, publishes the sample article,
 * waits until ingest has stored it, and prints where to look.
 * Ctrl-C stops everything it started. `--smoke` starts, checks, and stops at once.
 */
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { startKafka, stopKafka } from '../kafka/kafka';
import { TOPICS } from '@depeche/contracts';
import { APPS } from './apps';
import { demoPartnerKey, waitForSampleInFeed } from './demo-partner';
import { localSecretKey } from './local-secret-key';
import { createPipelineTopics } from './pipeline-topics';
import { publishSample } from './publish-sample';
import { waitForStoredSample } from './sample-stored';
import { spawnApp, stopApps, waitUntilLive, type RunningApp } from './child-apps';

const root = resolve(__dirname, '..', '..', '..');
const DEMO_FEED = `http://127.0.0.1:${APPS.find((app) => app.name === 'feed-api')?.port ?? 3000}/v1/feeds/demo.rss`;

async function main(): Promise<void> {
  const smoke = process.argv.includes('--smoke');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SQLITE_PATH: process.env.SQLITE_PATH ?? join(root, '.cache', 'depeche.sqlite'),
    OPS_USERNAME: process.env.OPS_USERNAME ?? 'operator',
    OPS_PASSWORD: process.env.OPS_PASSWORD ?? randomBytes(12).toString('base64url'),
    DISTRIBUTOR_SECRET_KEY:
      process.env.DISTRIBUTOR_SECRET_KEY ??
      localSecretKey(join(root, '.cache', 'distributor-secret.key')),
  };

  const ownKafkaPort = env.KAFKA_BROKERS ? undefined : Number(env.KAFKA_PORT ?? 9092);
  const brokers =
    ownKafkaPort === undefined
      ? (env.KAFKA_BROKERS ?? '')
      : (await startKafka({ port: ownKafkaPort, ownerPid: process.pid })).brokers;
  env.KAFKA_BROKERS = brokers;
  const running: RunningApp[] = [];
  let demoKey = '';
  // One shutdown, however many ways it is asked for (Ctrl-C, SIGTERM, an app exiting while the
  // others stop): a second stopApps would signal the apps again while they commit.
  let stopping: Promise<never> | undefined;
  const shutdown = (code: number): Promise<never> =>
    (stopping ??= (async () => {
      await stopApps(running);
      if (ownKafkaPort !== undefined) await stopKafka({ port: ownKafkaPort });
      process.exit(code);
    })());
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    const created = await createPipelineTopics(brokers);
    console.log(`topics: ${created.length ? `created ${created.join(', ')}` : 'all present'}`);

    for (const app of APPS) running.push(spawnApp(root, app, env));
    await Promise.all(running.map((app) => waitUntilLive(app)));
    const published = await publishSample(root, brokers);
    console.log(`sample article published on ${TOPICS.articleEvents}: ${published}`);
    if (!env.DATABASE_KIND || env.DATABASE_KIND === 'sqlite') {
      const stored = await waitForStoredSample(String(env.SQLITE_PATH), published);
      console.log(`sample article stored by ingest: ${stored}`);
    }
    demoKey = await demoPartnerKey(env);
    await waitForSampleInFeed(root, DEMO_FEED, demoKey);
    console.log('the demo partner’s feed carries the sample article');
  } catch (error) {
    console.error(`depeche did not start: ${(error as Error).message}`);
    return shutdown(1);
  }

  console.log('\ndepeche is running:');
  console.log(`  kafka        ${brokers}`);
  for (const { app, url } of running) console.log(`  ${app.name.padEnd(12)} ${url}  (${app.role})`);
  console.log(`  database     SQLite at ${env.SQLITE_PATH}`);
  console.log(`  ops login    ${env.OPS_USERNAME} / ${env.OPS_PASSWORD}`);
  console.log(`  demo feed    ${DEMO_FEED}  (X-API-Key: ${demoKey})`);
  console.log(`               curl -H 'X-API-Key: ${demoKey}' ${DEMO_FEED}`);
  if (smoke) return shutdown(0);
  console.log('\nCtrl-C stops everything.');
  for (const { app, child } of running) {
    child.once('exit', (code) => {
      if (stopping) return; // it was asked to stop
      console.error(`${app.name} exited with code ${code}; stopping`);
      void shutdown(1);
    });
  }
}

void main();
