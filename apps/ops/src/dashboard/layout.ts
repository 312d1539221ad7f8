import { html, SafeHtml } from './html';

const STYLE = `
body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#222;background:#f6f6f4}
header{background:#1f2d3d;color:#fff;padding:.6em 1em;display:flex;gap:1em;align-items:center}
header a{color:#cde}main{padding:1em;display:grid;gap:1em;grid-template-columns:repeat(auto-fit,minmax(28em,1fr))}
section{background:#fff;border:1px solid #ddd;border-radius:4px;padding:.6em 1em;overflow-x:auto}
h2{font-size:1em;margin:.2em 0 .6em}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #eee;padding:.2em .4em;text-align:left;vertical-align:top}
#stream{list-style:none;padding:0;margin:0;max-height:28em;overflow:auto;font-family:monospace;font-size:12px}
#stream li{border-bottom:1px solid #eee;padding:.15em 0}.k-dead-lettered,.k-failed{color:#a00}
.k-normalised,.k-delivered{color:#070}.flash{background:#ffd;padding:.4em 1em;margin:1em 1em 0}
form.inline{display:inline}.muted{color:#777}`;

/** The page frame every operator page shares. */
export function layout(title: string, body: SafeHtml, operator?: string): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>${title} · depeche ops</title>
        <style>
          ${new SafeHtml(STYLE)}
        </style>
      </head>
      <body>
        <header>
          <strong>depeche ops</strong><a href="/">dashboard</a>
          ${
            operator
              ? html`<span class="muted">${operator}</span>
                  <form class="inline" method="post" action="/logout">
                    <button type="submit">log out</button>
                  </form>`
              : ''
          }
        </header>
        ${body}
      </body>
    </html>`.value;
}
