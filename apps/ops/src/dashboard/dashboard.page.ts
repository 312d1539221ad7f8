import { PERMANENT_ERROR_CODES } from '@depeche/contracts';
import type { IndexedDeadLetter } from '@depeche/persistence';
import { html, type SafeHtml } from './html';
import { layout } from './layout';
import type { Overview } from './overview.service';
import { DASHBOARD_SCRIPT } from './dashboard.script';

/** The dashboard: live stream, lag, backlog, dead letters with replay, partners, recent actions. */
export function dashboardPage(overview: Overview, operator: string, replayed?: string): string {
  const { gauges } = overview;
  return layout(
    'dashboard',
    html`${
        replayed !== undefined
          ? html`<p class="flash" id="flash">${replayed} dead letter(s) replayed.</p>`
          : ''
      }
      <main>
        <section>
          <h2>Live stream</h2>
          <ul id="stream" aria-live="polite"></ul>
        </section>
        <section>
          <h2>Pipeline</h2>
          <p>
            Outbox backlog: <strong id="outbox-backlog">${gauges.outboxBacklog}</strong>
            <span class="muted" id="sampled-at">${gauges.sampledAt ?? 'not sampled yet'}</span>
          </p>
          ${gauges.error ? html`<p class="flash">${gauges.error}</p>` : ''}
          <table id="lag">
            <thead>
              <tr>
                <th>group</th>
                <th>topic</th>
                <th>partition</th>
                <th>committed</th>
                <th>end</th>
                <th>lag</th>
              </tr>
            </thead>
            <tbody>
              ${gauges.lags.map(
                (l) =>
                  html`<tr>
                    <td>${l.group}</td>
                    <td>${l.topic}</td>
                    <td>${l.partition}</td>
                    <td>${l.committed < 0 ? '—' : l.committed}</td>
                    <td>${l.highWatermark}</td>
                    <td>${l.lag}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </section>
        <section>
          <h2>Dead letters</h2>
          <p class="muted">
            ${overview.deadLetterCounts.map((c) => html`${c.errorCode}: ${c.count}; `)}
          </p>
          <form method="post" action="/dead-letters/replay">
            <select name="errorCode" aria-label="error code">
              <option value="">any error</option>
              ${PERMANENT_ERROR_CODES.map((code) => html`<option>${code}</option>`)}
            </select>
            <input name="from" placeholder="from (ISO 8601)" size="16" />
            <input name="to" placeholder="to (ISO 8601)" size="16" />
            <select name="which" aria-label="which">
              <option value="new">not replayed yet</option>
              <option value="all">all, again</option>
            </select>
            <button type="submit" id="replay-filtered">Replay matching</button>
          </form>
          <table id="dead-letters">
            <thead>
              <tr>
                <th>failed</th>
                <th>key</th>
                <th>reason</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              ${overview.deadLetters.map(deadLetterRow)}
            </tbody>
          </table>
        </section>
        <section>
          <h2>Partners</h2>
          <table id="partners">
            <thead>
              <tr>
                <th>partner</th>
                <th>status</th>
                <th>deliveries (24 h)</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              ${overview.partners.map((p) => {
                const health = overview.deliveryHealth.find((h) => h.partnerId === p.id);
                const next = p.status === 'active' ? 'suspended' : 'active';
                return html`<tr>
                  <td>${p.name} <span class="muted">${p.id}</span></td>
                  <td>${p.status}</td>
                  <td>${health ? `${health.delivered} ok, ${health.failed} failed` : '—'}</td>
                  <td>
                    <form class="inline" method="post" action="/partners/status">
                      <input type="hidden" name="partnerId" value="${p.id}" />
                      <input type="hidden" name="status" value="${next}" />
                      <button type="submit">${next === 'active' ? 'resume' : 'pause'}</button>
                    </form>
                    <form class="inline" method="post" action="/partners/redeliver">
                      <input type="hidden" name="partnerId" value="${p.id}" />
                      <button type="submit">redeliver dead letters</button>
                    </form>
                  </td>
                </tr>`;
              })}
            </tbody>
          </table>
        </section>
        <section>
          <h2>Article audit trail</h2>
          <form method="get" action="/articles">
            <input name="id" placeholder="article id" required />
            <button type="submit">Show</button>
          </form>
          <h2>Recent operator actions</h2>
          <table>
            ${overview.actions.map(
              (a) =>
                html`<tr>
                  <td>${a.at}</td>
                  <td>${a.actor}</td>
                  <td>${a.action}</td>
                  <td>${a.target}</td>
                  <td>${a.detail}</td>
                </tr>`,
            )}
          </table>
        </section>
      </main>
      <script>
        ${DASHBOARD_SCRIPT};
      </script>`,
    operator,
  );
}

function deadLetterRow(letter: IndexedDeadLetter): SafeHtml {
  const key = letter.key === null ? '' : Buffer.from(letter.key, 'base64').toString('utf8');
  return html`<tr data-offset="${letter.offset}">
    <td>${letter.failedAt}</td>
    <td>${key.slice(0, 80)}</td>
    <td><strong>${letter.errorCode}</strong> ${letter.errorMessage.slice(0, 200)}</td>
    <td>
      ${
        letter.replayedAt
          ? html`<span class="muted">replayed ${letter.replayedAt} by ${letter.replayedBy}</span>`
          : ''
      }
      <form class="inline" method="post" action="/dead-letters/replay-one">
        <input type="hidden" name="topic" value="${letter.topic}" />
        <input type="hidden" name="partition" value="${letter.partition}" />
        <input type="hidden" name="offset" value="${letter.offset}" />
        <button type="submit" class="replay-one">Replay</button>
      </form>
    </td>
  </tr>`;
}
