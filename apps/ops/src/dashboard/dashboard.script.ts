import { SafeHtml } from './html';

/**
 * The dashboard's only script: it appends live-stream lines (built with textContent, never
 * innerHTML, so event text cannot become markup) and refreshes the gauges from `stats` events.
 */
export const DASHBOARD_SCRIPT = new SafeHtml(`
(function () {
  var list = document.getElementById('stream');
  var source = new EventSource('/events/stream');
  source.addEventListener('event', function (message) {
    var e = JSON.parse(message.data);
    var li = document.createElement('li');
    li.className = 'k-' + e.kind;
    li.dataset.kind = e.kind;
    if (e.articleId) li.dataset.articleId = e.articleId;
    li.textContent = [e.at, e.kind, e.articleId || '', e.version ? 'v' + e.version : '', e.detail,
      e.replayedFrom ? '(replay of ' + e.replayedFrom + ')' : '',
      e.correlationId ? '[' + e.correlationId + ']' : ''].join(' ');
    list.insertBefore(li, list.firstChild);
    while (list.children.length > 300) list.removeChild(list.lastChild);
  });
  source.addEventListener('stats', function (message) {
    var s = JSON.parse(message.data);
    document.getElementById('outbox-backlog').textContent = s.outboxBacklog;
    document.getElementById('sampled-at').textContent = s.sampledAt || '';
    var body = document.querySelector('#lag tbody');
    body.textContent = '';
    s.lags.forEach(function (l) {
      var tr = document.createElement('tr');
      [l.group, l.topic, l.partition, l.committed < 0 ? '\u2014' : l.committed, l.highWatermark, l.lag].forEach(function (v) {
        var td = document.createElement('td');
        td.textContent = v;
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  });
  source.addEventListener('open', function () { document.body.dataset.stream = 'open'; });
})();
`);
