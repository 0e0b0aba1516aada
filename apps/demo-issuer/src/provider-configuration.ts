import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { errors, type Account, type Configuration, type JWKS } from 'oidc-provider';
import type { DemoUser } from '@hearth/demo';
import { renderErrorPage, renderLogoutPage, renderSignedOutPage } from './pages';

/** Keycloak serves each realm under this path; the API derives the issuer from it. */
export const REALM_PATH = '/realms/hearth';
/** Where oidc-provider sends the browser to sign in (our page, not one of the provider's routes). */
export const LOGIN_ACTIONS_PATH = `${REALM_PATH}/login-actions/`;
export const CONSOLE_CLIENT_ID = 'hearth-console';
/** What the API (keycloak-connect, bearer-only) expects in `aud`. */
export const API_AUDIENCE = 'hearth-api';
/** RFC 8707 wants an absolute URI as the resource indicator; the token carries API_AUDIENCE instead. */
const API_RESOURCE = 'urn:hearth:api';
/** The scopes Keycloak's default client scopes put in the console's access tokens. */
const API_SCOPES = 'openid profile email organization';

/**
 * Keycloak's routes relative to the realm, so anything written against Keycloak (keycloak-connect's key
 * fetch from `<issuer>/protocol/openid-connect/certs`, a console's hard-coded logout URL) works unchanged.
 */
const KEYCLOAK_ROUTES = {
  authorization: '/protocol/openid-connect/auth',
  token: '/protocol/openid-connect/token',
  jwks: '/protocol/openid-connect/certs',
  userinfo: '/protocol/openid-connect/userinfo',
  end_session: '/protocol/openid-connect/logout',
  revocation: '/protocol/openid-connect/revoke',
  introspection: '/protocol/openid-connect/token/introspect',
};

/** Keycloak's defaults, so the console meets token expiry as often as it would against Keycloak. */
const TTL_SECONDS = {
  AccessToken: 5 * 60,
  AuthorizationCode: 60,
  IdToken: 5 * 60,
  RefreshToken: 30 * 60,
  Interaction: 30 * 60,
  Session: 10 * 60 * 60,
  Grant: 10 * 60 * 60,
};

export function providerConfiguration(options: { consoleUrl: string; users: DemoUser[] }): Configuration {
  const consoleUrl = options.consoleUrl.replace(/\/+$/, '');
  const consoleOrigin = new URL(consoleUrl).origin;
  const usersBySub = new Map(options.users.map((user) => [user.sub, user]));

  return {
    clients: [
      {
        client_id: CONSOLE_CLIENT_ID,
        client_name: 'Hearth console',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [`${consoleUrl}/auth/callback`],
        post_logout_redirect_uris: [`${consoleUrl}/`],
      },
    ],
    routes: KEYCLOAK_ROUTES,
    // A fresh key on every start: nothing signed by a previous run should still be trusted.
    jwks: { keys: [generateSigningKey()] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    ttl: TTL_SECONDS,
    scopes: ['openid', 'profile', 'email', 'organization'],
    claims: {
      openid: ['sub'],
      profile: ['name', 'given_name', 'family_name', 'preferred_username'],
      email: ['email', 'email_verified'],
      organization: ['organization'],
    },
    // Access tokens are for the API, so userinfo cannot serve the console: put the profile in the ID token
    // as Keycloak does.
    conformIdTokenClaims: false,
    // Keycloak issues a refresh token with every code exchange, without asking for offline_access.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    clientBasedCORS: (_ctx, origin) => origin === consoleOrigin,
    interactions: { url: (_ctx, interaction) => `${LOGIN_ACTIONS_PATH}${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const user = usersBySub.get(sub);
      return user ? account(user) : undefined;
    },
    extraTokenClaims: (_ctx, token) => {
      const user = 'accountId' in token ? usersBySub.get(token.accountId) : undefined;
      return user ? keycloakUserClaims(user) : undefined;
    },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = 'html';
          ctx.body = renderLogoutPage(form);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = 'html';
          ctx.body = renderSignedOutPage();
        },
      },
      resourceIndicators: {
        enabled: true,
        // The console never sends `resource`; every token it gets is for the API, as with Keycloak.
        defaultResource: () => API_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resourceIndicator) => {
          if (resourceIndicator !== API_RESOURCE) throw new errors.InvalidTarget();
          return {
            audience: API_AUDIENCE,
            scope: API_SCOPES,
            accessTokenFormat: 'jwt',
            accessTokenTTL: TTL_SECONDS.AccessToken,
          };
        },
      },
    },
    formats: {
      customizers: {
        // Keycloak's envelope: keycloak-connect checks `typ: Bearer`; `aud` is a list and `azp` names the client.
        // Keycloak puts `client_id` only in service-account tokens, and the API reads it as "this is a partner".
        jwt: (_ctx, token, jwt) => {
          jwt.header = { ...jwt.header, typ: 'JWT' };
          jwt.payload.typ = 'Bearer';
          jwt.payload.azp = token.clientId;
          jwt.payload.aud = [API_AUDIENCE];
          delete jwt.payload.client_id;
        },
      },
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = renderErrorPage(out);
    },
  };
}

/** The claims Keycloak's `roles` scope adds to an access token, besides the profile. */
function keycloakUserClaims(user: DemoUser) {
  return { realm_access: { roles: user.roles }, ...profileClaims(user) };
}

function account(user: DemoUser): Account {
  return { accountId: user.sub, claims: () => ({ sub: user.sub, ...profileClaims(user) }) };
}

/** What Keycloak's `profile`, `email` and `organization` scopes put in both tokens. */
function profileClaims(user: DemoUser) {
  return {
    preferred_username: user.username,
    name: user.name,
    given_name: user.firstName,
    family_name: user.lastName,
    email: user.email,
    email_verified: true,
    ...(user.organization ? { organization: [user.organization] } : {}),
  };
}

function generateSigningKey(): JWKS['keys'][number] {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' } as JWKS['keys'][number];
}
