import { html } from '../dashboard/html';
import { layout } from '../dashboard/layout';

export function loginPage(failed: boolean): string {
  return layout(
    'log in',
    html`<main>
      <section>
        <h2>Operator login</h2>
        ${failed ? html`<p class="flash" role="alert">Wrong username or password.</p>` : ''}
        <form method="post" action="/login">
          <p>
            <label>Username <input name="username" autocomplete="username" required /></label>
          </p>
          <p>
            <label
              >Password
              <input name="password" type="password" autocomplete="current-password" required
            /></label>
          </p>
          <p><button type="submit">Log in</button></p>
        </form>
      </section>
    </main>`,
  );
}
