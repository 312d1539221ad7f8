import { html } from './html';

describe('the html template tag', () => {
  it('escapes every interpolated string, in text and in attributes', () => {
    const hostile = `<script>alert("x")</script>' onmouseover='y`;
    const out = html`<td title="${hostile}">${hostile}</td>`.value;
    expect(out).toBe(
      '<td title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onmouseover=&#39;y">' +
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onmouseover=&#39;y</td>',
    );
  });

  it('nests its own output and lists without escaping them twice', () => {
    const rows = ['a&b', 'c'].map((t) => html`<li>${t}</li>`);
    // Prettier would lay the markup out on several lines.
    // prettier-ignore
    const list = html`<ul>${rows}${undefined}${3}</ul>`;
    expect(list.value).toBe('<ul><li>a&amp;b</li><li>c</li>3</ul>');
  });
});
