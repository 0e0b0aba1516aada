import { DEMO_PASSWORD, type DemoUser } from '@hearth/demo';

/** Every page the issuer renders is static HTML with no script, so it works with any CSP. */
export function renderLoginPage(options: {
  action: string;
  users: DemoUser[];
  username?: string;
  error?: string;
}): string {
  const { action, users, username = '', error } = options;
  const errorBlock = error
    ? `<p class="error" id="login-error" role="alert">${escapeHtml(error)}</p>`
    : '';
  const describedBy = error ? ' aria-describedby="login-error" aria-invalid="true"' : '';
  const rows = users
    .map(
      (user) => `<tr>
          <td>${escapeHtml(user.name)}</td>
          <td><code>${escapeHtml(user.username)}</code></td>
          <td>${escapeHtml(user.memberName ?? 'Consortium')}</td>
          <td>${escapeHtml(user.roles.join(', '))}</td>
        </tr>`,
    )
    .join('');

  return layout(
    'Sign in to Hearth',
    `<h1>Sign in to Hearth</h1>
    <p class="notice">This is the local demo sign-in service. It never runs in production.</p>
    ${errorBlock}
    <form method="post" action="${escapeHtml(action)}" novalidate>
      <label for="username">Username or email</label>
      <input id="username" name="username" type="text" autocomplete="username" required
        value="${escapeHtml(username)}"${username ? '' : ' autofocus'}${describedBy}>
      <label for="password">Password</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required
        ${username ? 'autofocus' : ''}${describedBy}>
      <button type="submit">Sign in</button>
    </form>
    <section aria-labelledby="demo-users-heading">
      <h2 id="demo-users-heading">Demo users</h2>
      <p>Every demo user's password is <code>${DEMO_PASSWORD}</code>.</p>
      <table>
        <thead><tr><th scope="col">Name</th><th scope="col">Username</th><th scope="col">Organisation</th><th scope="col">Roles</th></tr></thead>
        <tbody>${rows}</tbody>
      </table>
    </section>`,
  );
}

/** `form` is oidc-provider's hidden logout form (it carries the xsrf token); our buttons submit it. */
export function renderLogoutPage(form: string): string {
  return layout(
    'Sign out of Hearth',
    `<h1>Sign out of Hearth</h1>
    <p>Do you want to sign out of the demo sign-in service?</p>
    ${form}
    <div class="actions">
      <button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Sign out</button>
      <button class="secondary" type="submit" form="op.logoutForm">Stay signed in</button>
    </div>`,
  );
}

export function renderSignedOutPage(): string {
  return layout('Signed out', `<h1>Signed out</h1><p>You have signed out of Hearth.</p>`);
}

export function renderErrorPage(details: { error: string; error_description?: string }): string {
  return layout(
    'Sign-in problem',
    `<h1>Sign-in problem</h1>
    <p role="alert"><strong>${escapeHtml(details.error)}</strong>${
      details.error_description ? `: ${escapeHtml(details.error_description)}` : ''
    }</p>`,
  );
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)}</title>
  <style>
    body { font-family: system-ui, sans-serif; margin: 0; background: #f4f5f7; color: #1b1b1f; line-height: 1.5; }
    main { max-width: 44rem; margin: 2rem auto; padding: 1.5rem 2rem; background: #fff; border-radius: 8px; box-shadow: 0 1px 3px rgb(0 0 0 / 20%); }
    h1 { margin-top: 0; font-size: 1.6rem; }
    h2 { font-size: 1.2rem; margin-top: 2rem; }
    .notice { background: #fff4ce; border-left: 4px solid #8a6d00; padding: .5rem .75rem; }
    .error { background: #fde7e9; border-left: 4px solid #b3261e; padding: .5rem .75rem; color: #8c1d18; font-weight: 600; }
    form { display: grid; gap: .35rem; max-width: 24rem; }
    label { font-weight: 600; margin-top: .5rem; }
    input { font: inherit; padding: .5rem; border: 1px solid #5f6368; border-radius: 4px; }
    input[aria-invalid="true"] { border-color: #b3261e; }
    button { font: inherit; font-weight: 600; margin-top: 1rem; padding: .6rem 1.2rem; border: 0; border-radius: 4px; background: #1f4e8c; color: #fff; cursor: pointer; }
    button.secondary { background: #e8eaed; color: #1b1b1f; }
    .actions { display: flex; gap: .75rem; }
    :focus-visible { outline: 3px solid #f9a825; outline-offset: 2px; }
    table { border-collapse: collapse; width: 100%; font-size: .95rem; }
    th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #dadce0; vertical-align: top; }
  </style>
</head>
<body>
  <main>
    ${body}
  </main>
</body>
</html>`;
}

function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
