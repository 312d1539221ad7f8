import { JSON_EVENT_HEADERS, kcatProduce, repoRoot, sampleEvent, waitFor } from '@depeche/testing';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createOpsWorld, OPERATOR, type OpsWorld } from './ops-world';

/** Screenshots are kept for people to look at (test-artifacts/ is git-ignored). */
const ARTIFACTS = join(repoRoot(), 'test-artifacts', 'ops-dashboard');

/**
 * The operator's path in a real browser: Debian's chromium, headless, driven by playwright-core
 * (.ci/run installs the package).
 */
describe('the dashboard in headless Chromium', () => {
  let world: OpsWorld;
  let browser: Browser;
  let page: Page;
  const brokenCorrelation = `broken-${randomUUID()}`;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    world = await createOpsWorld();
    // A dead letter to replay later, indexed by ops before the browser opens.
    await kcatProduce(world.brokers, world.events, {
      key: 'broken-story',
      value: '{"eventId": ',
      headers: { ...JSON_EVENT_HEADERS, 'correlation-id': brokenCorrelation },
    });
    await waitFor(async () => {
      const rows = await world.database.db.query('SELECT 1 FROM ops_dead_letters');
      return rows.length > 0 ? true : undefined;
    });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await world?.cleanup();
  });

  const shot = (name: string) =>
    page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

  it('logs in, shows a kcat event live, and replays a dead letter by a click', async () => {
    await page.goto(world.ops.url);
    expect(new URL(page.url()).pathname).toBe('/login'); // no session: the login form
    await shot('1-login');
    await page.fill('input[name=username]', OPERATOR.username);
    await page.fill('input[name=password]', OPERATOR.password);
    await Promise.all([page.waitForURL(`${world.ops.url}/`), page.click('button[type=submit]')]);
    await page.waitForSelector('body[data-stream=open]');
    expect(await page.textContent('#dead-letters')).toContain('invalid-json');
    await shot('2-dashboard');

    const correlationId = `browser-${randomUUID()}`;
    const event = sampleEvent();
    await kcatProduce(world.brokers, world.events, {
      key: event.article.id,
      value: JSON.stringify(event),
      headers: { ...JSON_EVENT_HEADERS, 'correlation-id': correlationId },
    });
    const received = page.locator('#stream li[data-kind=received]', { hasText: correlationId });
    await received.waitFor({ timeout: 60_000 });
    await page.locator('#stream li[data-kind=normalised]', { hasText: correlationId }).waitFor();
    expect(await received.textContent()).toContain('article.published');
    await shot('3-event-in-stream');

    const row = page.locator('#dead-letters tr', { hasText: 'broken-story' }).first();
    await Promise.all([page.waitForURL(/replayed=1/), row.locator('button.replay-one').click()]);
    expect(await page.textContent('#flash')).toContain('1 dead letter(s) replayed');
    // The replay goes through ingest again, fails again, and the stream says it was a replay.
    await page
      .locator('#stream li[data-kind=dead-lettered]', { hasText: 'replay of' })
      .waitFor({ timeout: 60_000 });
    await shot('4-replayed');
    const audit = await world.database.db.query<{ actor: string }>(
      `SELECT actor FROM ops_audit WHERE action = 'replay-dead-letters'`,
    );
    expect(audit).toEqual([{ actor: 'operator:operator' }]);
  });
});
