import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { DEMO_PASSWORD, findDemoUser, type DemoUser } from '@hearth/demo';
import { renderErrorPage, renderLoginPage } from './pages';
import { LOGIN_ACTIONS_PATH } from './provider-configuration';

const MAX_FORM_BYTES = 16 * 1024;

/**
 * Serves `/realms/hearth/login-actions/<uid>`, where oidc-provider sends the browser whenever it needs the user:
 * the login prompt shows the form; the consent prompt is granted at once, because the only client is our own
 * console (Keycloak's "consent required: off").
 */
export function loginInteraction(provider: Provider, users: DemoUser[]) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const details = await provider.interactionDetails(req, res);
      const action = `${LOGIN_ACTIONS_PATH}${details.uid}`;

      if (details.prompt.name === 'consent') {
        await provider.interactionFinished(req, res, { consent: { grantId: await grantConsent(provider, details) } });
        return;
      }

      if (req.method !== 'POST') {
        sendHtml(res, 200, renderLoginPage({ action, users }));
        return;
      }

      const form = new URLSearchParams(await readBody(req));
      const username = form.get('username') ?? '';
      const user = findDemoUser(users, username);
      if (!user || form.get('password') !== DEMO_PASSWORD) {
        sendHtml(res, 401, renderLoginPage({ action, users, username, error: 'The username or password is incorrect.' }));
        return;
      }
      await provider.interactionFinished(req, res, { login: { accountId: user.sub } }, { mergeWithLastSubmission: false });
    } catch (error) {
      // Most often an expired or replayed interaction (the browser's back button); say so rather than crash.
      const description = error instanceof Error ? error.message : String(error);
      sendHtml(res, 400, renderErrorPage({ error: 'Sign-in could not continue', error_description: description }));
    }
  };
}

async function grantConsent(provider: Provider, details: Awaited<ReturnType<Provider['interactionDetails']>>) {
  const { accountId } = details.session ?? {};
  const clientId = details.params['client_id'] as string;
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId, clientId });
  if (!grant) throw new Error('The sign-in grant has expired; start signing in again.');

  const missing = details.prompt.details as {
    missingOIDCScope?: string[];
    missingOIDCClaims?: string[];
    missingResourceScopes?: Record<string, string[]>;
  };
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(' '));
  }
  return grant.save();
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > MAX_FORM_BYTES) {
        reject(new Error('The sign-in form was too large.'));
        req.destroy();
      }
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    // No form-action: Chromium applies it to the redirects after the POST, which end at the console.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  });
  res.end(html);
}
