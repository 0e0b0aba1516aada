import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { stringify } from 'yaml';
import { AuditLog, TransactionManager } from '@hearth/platform-database';
import { HearthPlatformModule, ModuleRegistry } from '@hearth/platform-kernel';
import { createTestDatabase, insertMember, type TestDatabase } from '@hearth/platform-testing';
import { SAMPLE_MODULES, sampleManifest } from '../testing/sample-modules';
import { IdentityDirectory, type IdentityOrganization, type IdentityStep } from './identity-directory';
import { ManifestValidator } from './manifest-validation';
import type { ManifestAdmin } from './member-manifest';
import { describePlan } from './onboarding-plan';
import { OnboardingService, type OnboardingDone, type OnboardingOutcome } from './onboarding.service';

let db: TestDatabase;
let app: INestApplicationContext;
let onboarding: OnboardingService;
const dirs: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  app = await NestFactory.createApplicationContext(
    HearthPlatformModule.forRoot({ config: db.config, modules: SAMPLE_MODULES, process: 'test' }),
    { logger: false },
  );
  onboarding = app.get(OnboardingService);
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A directory of manifests: objects are written as YAML, strings as they are. */
function manifestDir(files: Record<string, object | string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-manifests-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === 'string' ? content : stringify(content));
  }
  return dir;
}

const ALPHA = sampleManifest('alpha');
const BETA = sampleManifest('beta', { country: 'wales', languages: ['cy', 'en'], nameCy: 'Tai Beta', modules: {} });
const VALID = { 'alpha.yaml': ALPHA, 'beta.yaml': BETA };

function done(outcome: OnboardingOutcome): OnboardingDone {
  if (outcome.status === 'invalid') throw new Error(`unexpected problems: ${JSON.stringify(outcome.problems)}`);
  return outcome;
}

const lines = (outcome: OnboardingOutcome) => done(outcome).plans.flatMap(describePlan);

async function count(table: string): Promise<number> {
  const { rows } = await db.admin.query(`select count(*)::int as n from hearth.${table}`);
  return rows[0].n;
}

async function moduleRows(slug: string) {
  const { rows } = await db.admin.query(
    `select m.module_key, m.enabled, m.settings from hearth.tenant_module m join hearth.tenant t on t.id = m.tenant_id
     where t.slug = $1 order by m.module_key`,
    [slug],
  );
  return rows;
}

describe('a directory with a bad manifest', () => {
  // These run first, on an empty database: the valid manifests beside the bad one must not be applied either.
  it.each([
    ['malformed YAML', { 'gamma.yaml': 'slug: gamma\nname: [Gamma\n' }, { file: 'gamma.yaml', field: '', message: /^malformed YAML: / }],
    ['an unknown field', { 'gamma.yaml': sampleManifest('gamma', { colour: 'blue' }) }, { file: 'gamma.yaml', field: '/colour', message: /^unknown field/ }],
    ['a bad country', { 'gamma.yaml': sampleManifest('gamma', { country: 'france' }) }, { file: 'gamma.yaml', field: '/country', message: /must be one of england, wales, scotland, northern_ireland/ }],
    ['a bad slug', { 'gamma.yaml': sampleManifest('Gamma') }, { file: 'gamma.yaml', field: '/slug', message: /must be lower-case letters and digits/ }],
    ['a file name that is not the slug', { 'gamma.yaml': sampleManifest('delta') }, { file: 'gamma.yaml', field: '/slug', message: /does not match the file name/ }],
    ['a duplicate slug', { 'gamma.yaml': sampleManifest('alpha', { keycloak: { organization: 'gamma' } }) }, { file: 'gamma.yaml', field: '/slug', message: /"alpha" is also the slug in .*alpha\.yaml/ }],
    ['a duplicate organization', { 'gamma.yaml': sampleManifest('gamma', { keycloak: { organization: 'alpha' } }) }, { file: 'gamma.yaml', field: '/keycloak/organization', message: /"alpha" is also the organization in .*alpha\.yaml/ }],
    ['an unknown module', { 'gamma.yaml': sampleManifest('gamma', { modules: { rent: {} } }) }, { file: 'gamma.yaml', field: '/modules/rent', message: /module "rent" is not installed/ }],
    ['a missing module dependency', { 'gamma.yaml': sampleManifest('gamma', { modules: { 'sample-repairs': {} } }) }, { file: 'gamma.yaml', field: '/modules/sample-repairs', message: /needs "sample-assets" switched on too/ }],
    ['invalid settings', { 'gamma.yaml': sampleManifest('gamma', { modules: { 'sample-assets': { settings: { uprnRequired: 'yes' } } } }) }, { file: 'gamma.yaml', field: '/modules/sample-assets/settings/uprnRequired', message: /must be boolean/ }],
  ])('%s: names the file, the field and the reason, and applies nothing', async (_case, bad, expected) => {
    const dir = manifestDir({ ...VALID, ...bad });
    const outcome = await onboarding.applyDirectory(dir);
    expect(outcome.status).toBe('invalid');
    expect(outcome.status === 'invalid' && outcome.problems).toContainEqual(
      expect.objectContaining({ file: join(dir, expected.file), field: expected.field, message: expect.stringMatching(expected.message) }),
    );
    expect(await count('tenant')).toBe(0);
    expect(await count('audit_log')).toBe(0);
  });

  it('lists every problem of every file in one run, by file and line', async () => {
    const dir = manifestDir({ ...VALID, 'gamma.yaml': sampleManifest('gamma', { country: 'france', modules: { rent: {} } }), 'delta.yaml': 'slug: [' });
    const outcome = await onboarding.applyDirectory(dir);
    expect(outcome.status === 'invalid' && outcome.problems.map((p) => [p.file, p.field])).toEqual([
      [join(dir, 'delta.yaml'), ''],
      [join(dir, 'gamma.yaml'), '/country'],
      [join(dir, 'gamma.yaml'), '/modules/rent'],
    ]);
  });

  it('says so when the directory holds no manifests', async () => {
    const outcome = await onboarding.applyDirectory(manifestDir({}));
    expect(outcome.status === 'invalid' && outcome.problems[0].message).toBe('holds no member manifests (*.yaml)');
  });
});

describe('applying a directory', () => {
  const dir = manifestDir(VALID);

  it('reports the changes of a dry run and writes nothing', async () => {
    const outcome = done(await onboarding.applyDirectory(dir, { dryRun: true }));
    expect(outcome.status).toBe('dry-run');
    expect(lines(outcome)).toEqual([
      '+ member alpha (alpha Housing, england)',
      '~ alpha: module sample-assets on (uprnRequired: true)',
      '~ alpha: module sample-repairs on (emergencyHours: 4)',
      '+ alpha: invite admin admin@alpha.example (Alex Admin)',
      '+ member beta (beta Housing, wales)',
      '+ beta: invite admin admin@beta.example (Alex Admin)',
    ]);
    expect(outcome.identity).toEqual([]);
    expect(await count('tenant')).toBe(0);
    expect(await count('tenant_module')).toBe(0);
    expect(await count('audit_log')).toBe(0);
  });

  it('creates the members, their modules and one audit entry per change', async () => {
    const outcome = done(await onboarding.applyDirectory(dir));
    expect(outcome.status).toBe('applied');
    const { rows: members } = await db.admin.query(
      `select slug, name, name_cy, registration_number, country, languages, keycloak_organization, status from hearth.tenant order by slug`,
    );
    expect(members).toEqual([
      { slug: 'alpha', name: 'alpha Housing', name_cy: null, registration_number: 'L1234', country: 'england', languages: ['en'], keycloak_organization: 'alpha', status: 'active' },
      { slug: 'beta', name: 'beta Housing', name_cy: 'Tai Beta', registration_number: 'L1234', country: 'wales', languages: ['cy', 'en'], keycloak_organization: 'beta', status: 'active' },
    ]);
    expect(await moduleRows('alpha')).toEqual([
      { module_key: 'sample-assets', enabled: true, settings: { uprnRequired: true } },
      { module_key: 'sample-repairs', enabled: true, settings: { emergencyHours: 4 } },
    ]);
    expect(await moduleRows('beta')).toEqual([]);
    const { rows: audit } = await db.admin.query(
      `select t.slug, a.operation, a.target_type, a.target_id, a.actor_kind, a.actor_id
       from hearth.audit_log a join hearth.tenant t on t.id = a.tenant_id order by a.id`,
    );
    const by = { actor_kind: 'system', actor_id: 'hearth tenants:apply' };
    expect(audit).toEqual([
      { slug: 'alpha', operation: 'members.onboard', target_type: 'member', target_id: 'alpha', ...by },
      { slug: 'alpha', operation: 'members.enableModule', target_type: 'module', target_id: 'sample-assets', ...by },
      { slug: 'alpha', operation: 'members.enableModule', target_type: 'module', target_id: 'sample-repairs', ...by },
      { slug: 'alpha', operation: 'members.inviteAdmin', target_type: 'member-admin', target_id: 'admin@alpha.example', ...by },
      { slug: 'beta', operation: 'members.onboard', target_type: 'member', target_id: 'beta', ...by },
      { slug: 'beta', operation: 'members.inviteAdmin', target_type: 'member-admin', target_id: 'admin@beta.example', ...by },
    ]);
  });

  it('changes nothing and audits nothing on a second run', async () => {
    const before = await count('audit_log');
    const outcome = done(await onboarding.applyDirectory(dir));
    expect(lines(outcome)).toEqual(['= alpha: no changes', '= beta: no changes']);
    expect(await count('audit_log')).toBe(before);
  });

  it('switches off a module removed from the manifest and keeps its settings', async () => {
    const changed = manifestDir({ ...VALID, 'alpha.yaml': { ...ALPHA, modules: { 'sample-assets': {} } } });
    expect(lines(await onboarding.applyDirectory(changed))).toEqual([
      '~ alpha: module sample-repairs off (settings kept)',
      '= beta: no changes',
    ]);
    expect(await moduleRows('alpha')).toContainEqual({ module_key: 'sample-repairs', enabled: false, settings: { emergencyHours: 4 } });
  });

  it('switches it back on with the settings it kept', async () => {
    expect(lines(await onboarding.applyDirectory(dir))).toEqual([
      '~ alpha: module sample-repairs on (emergencyHours: 4)',
      '= beta: no changes',
    ]);
    expect(await moduleRows('alpha')).toContainEqual({ module_key: 'sample-repairs', enabled: true, settings: { emergencyHours: 4 } });
  });

  it('changes exactly the setting and the field that changed, auditing before and after', async () => {
    const changed = manifestDir({
      'alpha.yaml': { ...ALPHA, modules: { 'sample-assets': {}, 'sample-repairs': { settings: { emergencyHours: 2 } } } },
      'beta.yaml': { ...BETA, registrationNumber: 'L5678' },
    });
    expect(lines(await onboarding.applyDirectory(changed))).toEqual([
      '~ alpha: module sample-repairs settings emergencyHours 4 → 2',
      '~ beta: registrationNumber "L1234" → "L5678"',
    ]);
    const { rows } = await db.admin.query(
      `select operation, before, after from hearth.audit_log order by id desc limit 2`,
    );
    expect(rows).toEqual([
      { operation: 'members.update', before: { registrationNumber: 'L1234' }, after: { registrationNumber: 'L5678' } },
      { operation: 'members.configureModule', before: { settings: { emergencyHours: 4 } }, after: { settings: { emergencyHours: 2 } } },
    ]);
  });

  it('invites an admin added later, and only that admin', async () => {
    const admins = [...(ALPHA.admins as ManifestAdmin[]), { email: 'sam@alpha.example', firstName: 'Sam', lastName: 'Second' }];
    const changed = manifestDir({ 'alpha.yaml': { ...ALPHA, admins }, 'beta.yaml': BETA });
    expect(lines(await onboarding.applyDirectory(changed, { dryRun: true }))).toContain('+ alpha: invite admin sam@alpha.example (Sam Second)');
    expect(lines(await onboarding.applyDirectory(changed, { dryRun: true })).filter((l) => l.includes('invite'))).toHaveLength(1);
  });

  it('reports a member that has no manifest, and leaves it alone', async () => {
    await insertMember(db.admin, 'legacy-homes');
    const outcome = done(await onboarding.applyDirectory(dir));
    expect(outcome.unlisted).toEqual(['legacy-homes']);
    const { rows } = await db.admin.query(`select slug from hearth.tenant where slug = 'legacy-homes'`);
    expect(rows).toHaveLength(1);
  });

  it("refuses an organization that another member already holds", async () => {
    const gamma = manifestDir({ ...VALID, 'gamma.yaml': sampleManifest('gamma', { keycloak: { organization: 'legacy-homes' } }) });
    const outcome = await onboarding.applyDirectory(gamma);
    expect(outcome.status === 'invalid' && outcome.problems).toEqual([
      expect.objectContaining({ file: join(gamma, 'gamma.yaml'), field: '/keycloak/organization', message: '"legacy-homes" already belongs to member "legacy-homes"' }),
    ]);
  });

  it('reports the Keycloak steps it skipped when no admin credentials are configured', async () => {
    const outcome = done(await onboarding.applyDirectory(dir));
    expect(outcome.identity.map((step) => [step.slug, step.outcome])).toEqual([
      ['alpha', 'skipped'],
      ['alpha', 'skipped'],
      ['beta', 'skipped'],
      ['beta', 'skipped'],
    ]);
  });
});

describe('the Keycloak steps', () => {
  /** Records each step and whether the member it is for was already committed when it ran. */
  class RecordingDirectory extends IdentityDirectory {
    readonly steps: string[] = [];
    failInvitations = false;

    async ensureOrganization(organization: IdentityOrganization): Promise<IdentityStep> {
      const { rows } = await db.admin.query(`select 1 from hearth.tenant where keycloak_organization = $1`, [organization.alias]);
      this.steps.push(`organization ${organization.alias} (committed: ${rows.length === 1})`);
      return { outcome: 'created', detail: `created organization ${organization.alias}` };
    }

    async inviteAdmin(organizationAlias: string, admin: ManifestAdmin): Promise<IdentityStep> {
      if (this.failInvitations) throw new Error('Keycloak is down');
      this.steps.push(`invite ${admin.email} to ${organizationAlias}`);
      return { outcome: 'invited', detail: `invited ${admin.email}` };
    }
  }

  const directory = new RecordingDirectory();
  let service: OnboardingService;

  beforeAll(() => {
    service = new OnboardingService(app.get(TransactionManager), app.get(AuditLog), app.get(ManifestValidator), app.get(ModuleRegistry), directory);
  });

  it('run after the commit, for every manifest applied', async () => {
    const dir = manifestDir({ 'epsilon.yaml': sampleManifest('epsilon') });
    await service.applyDirectory(dir, { dryRun: true });
    expect(directory.steps).toEqual([]);
    await service.applyDirectory(dir);
    expect(directory.steps).toEqual(['organization epsilon (committed: true)', 'invite admin@epsilon.example to epsilon']);
  });

  it('leave the database changes in place when they fail, and are completed by the next run', async () => {
    directory.failInvitations = true;
    directory.steps.length = 0;
    const dir = manifestDir({ 'zeta.yaml': sampleManifest('zeta') });
    const failed = done(await service.applyDirectory(dir));
    expect(failed.status).toBe('applied');
    expect(failed.identity).toContainEqual({ slug: 'zeta', outcome: 'failed', detail: 'could not invite admin@zeta.example to zeta: Keycloak is down' });
    expect((await db.admin.query(`select 1 from hearth.tenant where slug = 'zeta'`)).rows).toHaveLength(1);

    directory.failInvitations = false;
    const retried = done(await service.applyDirectory(dir));
    expect(lines(retried)).toEqual(['= zeta: no changes']);
    expect(directory.steps).toContain('invite admin@zeta.example to zeta');
  });
});
