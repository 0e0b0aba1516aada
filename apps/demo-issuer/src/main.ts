import { join } from 'node:path';
import { startDemoIssuer } from './issuer';

/**
 * `npx tsx apps/demo-issuer/src/main.ts` (or `npx nx serve demo-issuer`). The port default matches the API's
 * KEYCLOAK_URL default, so `hearth start` and this work together with no settings.
 */
async function main(): Promise<void> {
  const issuer = await startDemoIssuer({
    port: Number(process.env['DEMO_ISSUER_PORT'] ?? 4000),
    host: process.env['DEMO_ISSUER_HOST'],
    consoleUrl: process.env['CONSOLE_URL'] ?? 'http://localhost:4200',
    tenantsDir: process.env['TENANTS_DIR'] ?? join(__dirname, '../../../tenants'),
  });

  const widest = Math.max(...issuer.users.map((user) => user.username.length));
  console.log(
    [
      'Hearth demo issuer: for demos and tests only, never production.',
      `Issuer: ${issuer.issuerUrl}`,
      'Demo users (password "demo"):',
      ...issuer.users.map(
        (user) => `  ${user.username.padEnd(widest)}  ${user.name} (${user.organization ?? 'consortium'}: ${user.roles.join(', ')})`,
      ),
    ].join('\n'),
  );

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void issuer.close().then(() => process.exit(0)));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
