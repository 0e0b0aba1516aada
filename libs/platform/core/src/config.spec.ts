import { join } from 'node:path';
import { ConfigError, loadConfig } from './config';

const WORKSPACE = join(__dirname, '../../../..');

describe('loadConfig', () => {
  it('works with no environment at all against the local services', () => {
    const config = loadConfig({});
    expect(config.env).toBe('development');
    expect(config.database).toMatchObject({ host: '127.0.0.1', port: 5432, name: 'hearth', app: { user: 'hearth_app' }, owner: { user: 'hearth_owner' } });
    expect(config.redis.url).toBe('redis://127.0.0.1:6379');
    expect(config.auth).toMatchObject({ keycloakUrl: 'http://localhost:4000', realm: 'hearth', audience: 'hearth-api' });
    expect(config.files).toEqual({ storeDir: join(WORKSPACE, 'tmp/files'), maxUploadBytes: 100 * 1024 * 1024 });
  });

  it('reads the file store directory from the repository root unless it is absolute', () => {
    expect(loadConfig({ FILE_STORE_DIR: 'var/uploads' }).files.storeDir).toBe(join(WORKSPACE, 'var/uploads'));
    expect(loadConfig({ FILE_STORE_DIR: '/srv/hearth/files', FILE_UPLOAD_MAX_MB: '5' }).files).toEqual({
      storeDir: '/srv/hearth/files',
      maxUploadBytes: 5 * 1024 * 1024,
    });
  });

  it('lists every problem at once, each naming its variable', () => {
    let error: unknown;
    try {
      loadConfig({ DB_PORT: 'five', REDIS_URL: 'http://x', HEARTH_ENV: 'staging', KEYCLOAK_ADMIN_CLIENT_ID: 'hearth-admin' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'HEARTH_ENV must be one of development, test, production (got "staging")',
      'DB_PORT must be a whole number from 1 to 65535 (got "five")',
      'REDIS_URL must be a redis: or rediss: URL (got "http://x")',
      'KEYCLOAK_ADMIN_CLIENT_ID and KEYCLOAK_ADMIN_CLIENT_SECRET must be set together',
    ]);
    expect((error as ConfigError).message).toMatch(/4 configuration problems/);
  });

  it('demands passwords and https in production', () => {
    expect(() => loadConfig({ HEARTH_ENV: 'production' })).toThrow(
      expect.objectContaining({
        problems: [
          'KEYCLOAK_URL must be a https: URL (got "http://localhost:4000")',
          'WEBHOOKS_SECRET_KEY is required in production (base64 of 32 random bytes)',
          'DB_APP_PASSWORD is required in production',
          'DB_OWNER_PASSWORD is required in production',
        ],
      }),
    );
  });
});
