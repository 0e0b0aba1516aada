import { InjectionToken } from '@angular/core';

/**
 * Settings that differ per deployment, read from `/config.json` at start rather than baked into the build,
 * so one build serves every environment (and tests can point it at their own API and issuer).
 */
export interface RuntimeConfig {
  /** The GraphQL endpoint. */
  apiUrl: string;
  /** The OpenID Connect issuer, e.g. Keycloak's `https://id.example/realms/hearth`. */
  issuerUrl: string;
  clientId: string;
}

export const RUNTIME_CONFIG = new InjectionToken<RuntimeConfig>('RUNTIME_CONFIG');

export async function loadRuntimeConfig(url = '/config.json'): Promise<RuntimeConfig> {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`The console's settings (${url}) could not be loaded: HTTP ${response.status}.`);
  }
  const config = (await response.json()) as Partial<RuntimeConfig>;
  const missing = (['apiUrl', 'issuerUrl', 'clientId'] as const).filter((key) => typeof config[key] !== 'string');
  if (missing.length) {
    throw new Error(`The console's settings (${url}) lack ${missing.join(', ')}.`);
  }
  return config as RuntimeConfig;
}
