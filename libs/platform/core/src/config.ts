import { join, resolve } from 'node:path';

/**
 * Hearth's runtime settings, read once from the environment.
 *
 * Every problem is collected before anything starts, so a misconfigured deployment
 * fails with one message that lists them all instead of one error per restart.
 */
export type HearthEnv = 'development' | 'test' | 'production';

/**
 * The role names are fixed (`hearth_owner`, `hearth_app`) because migrations grant to them by
 * name; only their passwords are configurable.
 */
export const DB_OWNER_ROLE = 'hearth_owner';
export const DB_APP_ROLE = 'hearth_app';

/** The repository root: relative paths in settings are read from here, not from the shell's directory. */
const WORKSPACE = join(__dirname, '../../../..');

export interface DatabaseRoleConfig {
  user: string;
  password?: string;
}

export interface HearthConfig {
  env: HearthEnv;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  database: {
    host: string;
    port: number;
    name: string;
    app: DatabaseRoleConfig;
    owner: DatabaseRoleConfig;
    /** A superuser connection, used only by `db:setup` to create roles and the database. */
    adminUrl: string;
    poolSize: number;
  };
  /** `prefix` namespaces every BullMQ key, so deployments (or test files) can share one Redis. */
  redis: { url: string; prefix: string };
  api: { port: number; corsOrigins: string[] };
  /** The worker's health port; unset in tests, which run many workers side by side. */
  worker: { healthPort?: number };
  /**
   * Files members give us (imports), kept by the local file store under `storeDir`. API and
   * worker must see the same directory (one machine, or a shared volume).
   */
  files: { storeDir: string; maxUploadBytes: number };
  auth: {
    /** Keycloak's base URL; tokens must carry `iss` = `${url}/realms/${realm}`. */
    keycloakUrl: string;
    realm: string;
    audience: string;
    /** Base64 SPKI. When absent, keys are fetched from the issuer's JWKS endpoint. */
    realmPublicKey?: string;
    admin?: { clientId: string; clientSecret: string };
  };
  /** Outgoing webhooks (libs/integrations/webhooks, docs/partners/webhooks.md). */
  webhooks: WebhooksConfig;
  consoleUrl: string;
  /**
   * Requests per window (a minute unless `windowSeconds` is changed, which only tests do) for
   * each partner client (its own setting wins) and each signed-in person; counted in Redis.
   */
  rateLimits: { partnerPerMinute: number; userPerMinute: number; windowSeconds: number };
  /**
   * Whether a partner token whose client no member registered in Hearth is refused. Always in
   * production and development; off by default only under HEARTH_ENV=test, whose suites sign
   * partner tokens for clients they never register.
   */
  partnerClients: { requireRegistration: boolean };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Hearth cannot start: ${problems.length} configuration problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  - ${p}`).join('\n') +
        '\nSee .env.example for every variable and its default.',
    );
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  string(name: string, fallback?: string): string {
    const value = this.env[name]?.trim();
    if (value) return value;
    if (fallback === undefined) {
      this.problems.push(`${name} is required`);
      return '';
    }
    return fallback;
  }

  optional(name: string): string | undefined {
    return this.env[name]?.trim() || undefined;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const raw = this.env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.env[name]?.trim();
    if (!raw) return fallback;
    if (!(allowed as readonly string[]).includes(raw)) {
      this.problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
      return fallback;
    }
    return raw as T;
  }

  url(name: string, fallback: string, protocols: string[]): string {
    const value = this.string(name, fallback);
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol)) {
        this.problems.push(`${name} must be a ${protocols.join(' or ')} URL (got "${value}")`);
      }
    } catch {
      this.problems.push(`${name} is not a valid URL (got "${value}")`);
    }
    return value.replace(/\/+$/, '');
  }
}

export function loadConfig(env: Env = process.env): HearthConfig {
  const r = new Reader(env);
  const hearthEnv = r.oneOf('HEARTH_ENV', ['development', 'test', 'production'] as const,
    env.NODE_ENV === 'production' ? 'production' : 'development');
  const production = hearthEnv === 'production';
  const adminId = r.optional('KEYCLOAK_ADMIN_CLIENT_ID');
  const adminSecret = r.optional('KEYCLOAK_ADMIN_CLIENT_SECRET');

  const config: HearthConfig = {
    env: hearthEnv,
    logLevel: r.oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      hearthEnv === 'test' ? 'silent' : 'info'),
    database: {
      host: r.string('DB_HOST', '127.0.0.1'),
      port: r.int('DB_PORT', 5432, 1, 65535),
      name: r.string('DB_NAME', 'hearth'),
      app: { user: DB_APP_ROLE, password: r.optional('DB_APP_PASSWORD') },
      owner: { user: DB_OWNER_ROLE, password: r.optional('DB_OWNER_PASSWORD') },
      adminUrl: r.url('DB_ADMIN_URL', 'postgres://postgres@127.0.0.1:5432/postgres', ['postgres:', 'postgresql:']),
      poolSize: r.int('DB_POOL_SIZE', 10, 1, 200),
    },
    redis: { url: r.url('REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']), prefix: r.string('REDIS_PREFIX', 'hearth') },
    api: {
      port: r.int('API_PORT', 3000, 0, 65535),
      corsOrigins: (r.optional('CORS_ORIGINS') ?? r.string('CONSOLE_URL', 'http://localhost:4200'))
        .split(',').map((o) => o.trim()).filter(Boolean),
    },
    worker: { healthPort: hearthEnv === 'test' ? undefined : r.int('WORKER_HEALTH_PORT', 3001, 1, 65535) },
    files: {
      storeDir: resolve(WORKSPACE, r.string('FILE_STORE_DIR', 'tmp/files')),
      maxUploadBytes: r.int('FILE_UPLOAD_MAX_MB', 100, 1, 10_240) * 1024 * 1024,
    },
    auth: {
      keycloakUrl: r.url('KEYCLOAK_URL', 'http://localhost:4000', production ? ['https:'] : ['http:', 'https:']),
      realm: r.string('KEYCLOAK_REALM', 'hearth'),
      audience: r.string('KEYCLOAK_AUDIENCE', 'hearth-api'),
      realmPublicKey: r.optional('KEYCLOAK_REALM_PUBLIC_KEY'),
      admin: adminId && adminSecret ? { clientId: adminId, clientSecret: adminSecret } : undefined,
    },
    webhooks: readWebhooksConfig(r, production),
    consoleUrl: r.url('CONSOLE_URL', 'http://localhost:4200', ['http:', 'https:']),
    rateLimits: {
      partnerPerMinute: r.int('RATE_LIMIT_PARTNER_PER_MINUTE', 600, 1, 1_000_000),
      userPerMinute: r.int('RATE_LIMIT_USER_PER_MINUTE', 1200, 1, 1_000_000),
      windowSeconds: r.int('RATE_LIMIT_WINDOW_SECONDS', 60, 1, 3600),
    },
    partnerClients: {
      requireRegistration: r.oneOf('PARTNER_CLIENTS_REQUIRE_REGISTRATION', ['true', 'false'] as const,
        hearthEnv === 'test' ? 'false' : 'true') === 'true',
    },
  };

  if (Boolean(adminId) !== Boolean(adminSecret)) {
    r.problems.push('KEYCLOAK_ADMIN_CLIENT_ID and KEYCLOAK_ADMIN_CLIENT_SECRET must be set together');
  }
  if (production) {
    if (!config.database.app.password) r.problems.push('DB_APP_PASSWORD is required in production');
    if (!config.database.owner.password) r.problems.push('DB_OWNER_PASSWORD is required in production');
    if (!config.partnerClients.requireRegistration) r.problems.push('PARTNER_CLIENTS_REQUIRE_REGISTRATION cannot be false in production');
    if (config.rateLimits.windowSeconds !== 60) r.problems.push('RATE_LIMIT_WINDOW_SECONDS is for tests; leave it unset (60) in production');
  }
  if (r.problems.length) throw new ConfigError(r.problems);
  return config;
}

export interface WebhooksConfig {
  /** AES-256-GCM key that encrypts endpoints' signing secrets at rest (32 bytes). */
  secretKey: Buffer;
  /** Deliver to private, loopback, link-local and unique-local addresses: tests and the demo only. */
  allowPrivateNetworks: boolean;
  /** Delay before each attempt, the first included: the published schedule unless a test shortens it. */
  retryScheduleMs: number[];
  /** An endpoint with no successful delivery for this long while deliveries failed is disabled. */
  disableAfterMs: number;
}

/** Not a secret: lets development and tests run without one. Production must set WEBHOOKS_SECRET_KEY. */
const DEV_WEBHOOKS_SECRET_KEY = 'aGVhcnRoLXdlYmhvb2tzLWRldi1rZXktbm90LXJlYWw=';
/** Immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (docs/partners/webhooks.md). */
const WEBHOOK_RETRY_SCHEDULE_MS = [0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];

function readWebhooksConfig(r: Reader, production: boolean): WebhooksConfig {
  const rawKey = r.optional('WEBHOOKS_SECRET_KEY');
  if (production && !rawKey) r.problems.push('WEBHOOKS_SECRET_KEY is required in production (base64 of 32 random bytes)');
  const secretKey = Buffer.from(rawKey ?? DEV_WEBHOOKS_SECRET_KEY, 'base64');
  if (secretKey.length !== 32) r.problems.push(`WEBHOOKS_SECRET_KEY must be base64 of exactly 32 bytes (got ${secretKey.length})`);
  const allowPrivateNetworks = r.oneOf('WEBHOOKS_ALLOW_PRIVATE_NETWORKS', ['true', 'false'] as const, 'false') === 'true';
  if (production && allowPrivateNetworks) r.problems.push('WEBHOOKS_ALLOW_PRIVATE_NETWORKS cannot be true in production');
  const rawSchedule = r.optional('WEBHOOKS_RETRY_SCHEDULE_MS');
  let retryScheduleMs = WEBHOOK_RETRY_SCHEDULE_MS;
  if (rawSchedule) {
    const parsed = rawSchedule.split(',').map((part) => Number(part.trim()));
    if (!parsed.length || parsed.some((n) => !Number.isInteger(n) || n < 0)) {
      r.problems.push(`WEBHOOKS_RETRY_SCHEDULE_MS must be whole milliseconds separated by commas (got "${rawSchedule}")`);
    } else if (production) {
      r.problems.push('WEBHOOKS_RETRY_SCHEDULE_MS is for tests; production uses the published schedule');
    } else {
      retryScheduleMs = parsed;
    }
  }
  const disableAfterMs = r.int('WEBHOOKS_DISABLE_AFTER_MS', 5 * 86_400_000, 1, 365 * 86_400_000);
  return { secretKey, allowPrivateNetworks, retryScheduleMs, disableAfterMs };
}
