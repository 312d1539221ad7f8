import { dashboardPage } from './dashboard.page';
import type { Overview } from './overview.service';

describe('the dashboard page', () => {
  const hostile = '<img src=x onerror=alert(1)>';
  const overview: Overview = {
    gauges: {
      lags: [
        {
          group: 'depeche-ingest',
          topic: 'articles.events',
          partition: 0,
          committed: 5,
          highWatermark: 9,
          lowWatermark: 0,
          lag: 4,
        },
      ],
      outboxBacklog: 3,
      sampledAt: '2026-03-01T12:00:00.000Z',
    },
    deadLetters: [
      {
        topic: 'articles.events.dlq',
        partition: 0,
        offset: '17',
        key: Buffer.from(hostile).toString('base64'),
        value: null,
        headers: {},
        errorCode: 'schema-violation',
        errorMessage: hostile,
        sourceTopic: 'articles.events',
        failedAt: '2026-03-01T11:00:00.000Z',
      },
    ],
    deadLetterCounts: [{ errorCode: 'schema-violation', count: 1 }],
    partners: [],
    deliveryHealth: [],
    actions: [],
  };

  it('shows attacker-controlled text as text, with a replay form per dead letter', () => {
    const page = dashboardPage(overview, 'operator', '2');
    expect(page).not.toContain(hostile);
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('<input type="hidden" name="offset" value="17" />');
    expect(page).toContain('2 dead letter(s) replayed.');
    // The lag row: committed 5 of 9, 4 behind.
    expect(page).toMatch(/<td>5<\/td>\s*<td>9<\/td>\s*<td>4<\/td>/);
  });
});
