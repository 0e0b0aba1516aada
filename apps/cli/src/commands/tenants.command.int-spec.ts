import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, type TestDatabase } from '@hearth/platform-testing';
import { ModuleRegistry } from '@hearth/platform-kernel';
import { INSTALLED_MODULES } from '@hearth/distribution';

const WORKSPACE = join(__dirname, '../../../..');
/** The modules a manifest may list: every installed module that is not core. */
const switchable = new ModuleRegistry(INSTALLED_MODULES).all().filter((m) => !m.core).map((m) => m.key).join(', ');
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(() => db?.drop());

/** Runs `npm run hearth -- tenants:apply ...` as an operator would, against this file's database. */
async function hearth(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, DB_NAME: db.name, LOG_LEVEL: 'silent', KEYCLOAK_ADMIN_CLIENT_ID: '', KEYCLOAK_ADMIN_CLIENT_SECRET: '' };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', 'apps/cli/src/main.ts', ...args], { cwd: WORKSPACE, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return (await db.admin.query(sql)).rows;
}

describe('hearth tenants:apply', () => {
  it('refuses a directory with a bad manifest, listing each problem, and applies none of them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-tenants-'));
    cpSync(join(WORKSPACE, 'tenants'), dir, { recursive: true });
    writeFileSync(join(dir, 'millbrook-homes.yaml'), 'slug: millbrook-homes\nname: Millbrook Homes\ncountry: england\nmodules:\n  lettings: {}\n');
    const result = await hearth('tenants:apply', dir);
    rmSync(dir, { recursive: true });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      `✖ 5 problems in ${dir}; nothing was applied:`,
      `  ${dir}/millbrook-homes.yaml:1:1: /registrationNumber: is required`,
      `  ${dir}/millbrook-homes.yaml:1:1: /languages: is required`,
      `  ${dir}/millbrook-homes.yaml:1:1: /keycloak: is required`,
      `  ${dir}/millbrook-homes.yaml:1:1: /admins: is required`,
      `  ${dir}/millbrook-homes.yaml:5:13: /modules/lettings: module "lettings" is not installed (installed: ${switchable})`,
    ]);
    expect(await rows('select slug from hearth.tenant')).toEqual([]);
  });

  it('prints the changes of a dry run and writes nothing', async () => {
    const result = await hearth('tenants:apply', '--dry-run');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('+ member aber-housing (Aber Housing Association, wales)\n');
    expect(result.stdout).toContain('✔ dry run: 16 changes to apply; nothing was written\n');
    expect(await rows('select slug from hearth.tenant')).toEqual([]);
  });

  it('onboards the three demo members from tenants/', async () => {
    const result = await hearth('tenants:apply');
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual([
      '+ member aber-housing (Aber Housing Association, wales)',
      '~ aber-housing: module assets on',
      '~ aber-housing: module tenancies on',
      '~ aber-housing: module noticeboard on (defaultExpiryDays: 14)',
      '~ aber-housing: module shared-configurations on',
      '+ aber-housing: invite admin ffion.evans@aber-housing.example (Ffion Evans)',
      '+ member millbrook-homes (Millbrook Homes, england)',
      '~ millbrook-homes: module noticeboard on (defaultExpiryDays: 30)',
      '~ millbrook-homes: module assets on',
      '~ millbrook-homes: module tenancies on',
      '~ millbrook-homes: module repairs on (priorities: [4 items], approachingWithinHours: 24)',
      '~ millbrook-homes: module rent on (rentFreeWeeks: {"48":[37,38,51,52],"50":[38,52]}, arrearsBands: [4 items], recoveryStages: [3 items], letterTemplates: {…}, arrangementGraceDays: 7)',
      '~ millbrook-homes: module shared-configurations on',
      '+ millbrook-homes: invite admin sam.patel@millbrook-homes.example (Sam Patel)',
      '+ member thistle-housing (Thistle Housing Co-operative, scotland)',
      '+ thistle-housing: invite admin morag.campbell@thistle-housing.example (Morag Campbell)',
      '✔ applied 16 changes',
      '! keycloak: skipped 6 steps (organizations, first-admin invitations): Keycloak admin credentials are not configured (set KEYCLOAK_ADMIN_CLIENT_ID and KEYCLOAK_ADMIN_CLIENT_SECRET)',
    ]);
    expect(await rows('select slug, name_cy, country, languages, keycloak_organization from hearth.tenant order by slug')).toEqual([
      { slug: 'aber-housing', name_cy: 'Cymdeithas Tai Aber', country: 'wales', languages: ['cy', 'en'], keycloak_organization: 'aber-housing' },
      { slug: 'millbrook-homes', name_cy: null, country: 'england', languages: ['en'], keycloak_organization: 'millbrook-homes' },
      { slug: 'thistle-housing', name_cy: null, country: 'scotland', languages: ['en'], keycloak_organization: 'thistle-housing' },
    ]);
    expect(
      await rows(`select t.slug, m.module_key, m.enabled, m.settings from hearth.tenant_module m join hearth.tenant t on t.id = m.tenant_id order by t.slug, m.module_key`),
    ).toEqual([
      { slug: 'aber-housing', module_key: 'assets', enabled: true, settings: {} },
      { slug: 'aber-housing', module_key: 'noticeboard', enabled: true, settings: { defaultExpiryDays: 14 } },
      { slug: 'aber-housing', module_key: 'shared-configurations', enabled: true, settings: {} },
      { slug: 'aber-housing', module_key: 'tenancies', enabled: true, settings: {} },
      { slug: 'millbrook-homes', module_key: 'assets', enabled: true, settings: {} },
      { slug: 'millbrook-homes', module_key: 'noticeboard', enabled: true, settings: { defaultExpiryDays: 30 } },
      { slug: 'millbrook-homes', module_key: 'rent', enabled: true, settings: expect.objectContaining({ arrangementGraceDays: 7 }) },
      { slug: 'millbrook-homes', module_key: 'repairs', enabled: true, settings: expect.objectContaining({ approachingWithinHours: 24 }) },
      { slug: 'millbrook-homes', module_key: 'shared-configurations', enabled: true, settings: {} },
      { slug: 'millbrook-homes', module_key: 'tenancies', enabled: true, settings: {} },
    ]);
    expect(await rows(`select count(*)::int as entries from hearth.audit_log`)).toEqual([{ entries: 16 }]);
  });

  it('does nothing on a second run', async () => {
    const result = await hearth('tenants:apply');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('= aber-housing: no changes\n= millbrook-homes: no changes\n= thistle-housing: no changes\n✔ nothing to change\n');
    expect(await rows(`select count(*)::int as entries from hearth.audit_log`)).toEqual([{ entries: 16 }]);
  });
});
