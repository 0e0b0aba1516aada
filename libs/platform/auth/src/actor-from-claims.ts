import type { Actor } from '@hearth/platform-database';
import type { AccessTokenClaims } from './access-token-verifier';

/**
 * Maps Keycloak's claims onto an Actor. A client-credentials token (Keycloak's service
 * accounts carry `client_id` and a `service-account-` username) is a partner; anything else
 * is a person.
 */
export function actorFromClaims(claims: AccessTokenClaims): Actor {
  const partnerClient =
    claims.client_id ?? (claims.preferred_username?.startsWith('service-account-') ? claims.azp : undefined);
  const organizations = Array.isArray(claims.organization)
    ? claims.organization.filter((o): o is string => typeof o === 'string')
    : Object.keys(claims.organization ?? {});
  return {
    kind: partnerClient ? 'partner' : 'user',
    id: partnerClient ?? claims.sub,
    name: claims.name,
    email: claims.email,
    username: claims.preferred_username,
    roles: claims.realm_access?.roles ?? [],
    scopes: (claims.scope ?? '').split(' ').filter(Boolean),
    organizations,
  };
}
