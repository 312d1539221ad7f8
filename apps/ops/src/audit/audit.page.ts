import type { ArticleAudit } from '@depeche/persistence';
import { html } from '../dashboard/html';
import { layout } from '../dashboard/layout';
import { renditionHashes } from './rendition-hashes';

/** The proof of delivery for one story: versions received, what was sent, what was pulled. */
export function auditPage(audit: ArticleAudit, operator: string): string {
  return layout(
    `audit ${audit.articleId}`,
    html`<main>
      <section>
        <h2>Versions received: ${audit.articleId}</h2>
        ${audit.versions.length === 0 ? html`<p>No version of this article was received.</p>` : ''}
        <table id="versions">
          <thead>
            <tr>
              <th>version</th>
              <th>change</th>
              <th>received</th>
              <th>event</th>
              <th>correlation</th>
              <th>renditions</th>
            </tr>
          </thead>
          <tbody>
            ${audit.versions.map(
              (v) =>
                html`<tr>
                  <td>${v.version}${v.stale ? html` <em>stale</em>` : ''}</td>
                  <td>${v.change}</td>
                  <td>${v.receivedAt}</td>
                  <td>${v.eventId}</td>
                  <td>${v.correlationId ?? ''}</td>
                  <td>
                    ${renditionHashes(v.article, v.receivedAt).map(
                      (r) =>
                        html`${r.format} <code>${r.etag}</code>${r.held ? ` ${r.held}` : ''}<br />`,
                    )}
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
      </section>
      <section>
        <h2>Delivery attempts</h2>
        <table id="deliveries">
          <thead>
            <tr>
              <th>at</th>
              <th>partner</th>
              <th>version</th>
              <th>format</th>
              <th>attempt</th>
              <th>outcome</th>
            </tr>
          </thead>
          <tbody>
            ${audit.deliveries.map(
              (d) =>
                html`<tr>
                  <td>${d.at}</td>
                  <td>${d.partnerId}</td>
                  <td>${d.version}</td>
                  <td>${d.format}</td>
                  <td>${d.attempt}</td>
                  <td>${d.outcome} ${d.statusCode ?? ''} ${d.detail}</td>
                </tr>`,
            )}
          </tbody>
        </table>
        <h2>Pulls by partners</h2>
        <table id="pulls">
          <thead>
            <tr>
              <th>at</th>
              <th>partner</th>
              <th>format</th>
              <th>ETag</th>
              <th>path</th>
            </tr>
          </thead>
          <tbody>
            ${audit.pulls.map(
              (p) =>
                html`<tr>
                  <td>${p.pulledAt}</td>
                  <td>${p.partnerId}</td>
                  <td>${p.format}</td>
                  <td><code>${p.etag}</code></td>
                  <td>${p.path}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </section>
    </main>`,
    operator,
  );
}
