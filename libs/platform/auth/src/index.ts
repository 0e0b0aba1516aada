export * from './access.decorators';
export * from './access.guard';
export * from './access-token-verifier';
export * from './actor-from-claims';
export * from './member-resolution';
export * from './auth.module';
export * from './partner-client-policy';
export * from './rate-limiter';
export { connectKeycloakAdmin, ensureKeycloakOrganization, findKeycloakOrganization, type KeycloakOrganization } from './keycloak-admin';
