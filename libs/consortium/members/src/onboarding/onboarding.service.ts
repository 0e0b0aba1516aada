import { Injectable } from '@nestjs/common';
import { HearthError } from '@hearth/platform-core';
import { AuditLog, systemActor, TenantEntity, TransactionManager, type Actor, type AuditChange } from '@hearth/platform-database';
import { ModuleRegistry } from '@hearth/platform-kernel';
import { IdentityDirectory, type IdentityOutcome, type IdentityStep } from './identity-directory';
import { ManifestValidator, type ModuleSettings, type ValidManifest } from './manifest-validation';
import { byPosition, loadManifestDirectory, pointerOf, problemAt, type ManifestProblem, type MemberManifest } from './member-manifest';
import { planMember, planModules, type MemberChange, type MemberFields, type MemberPlan, type MemberState, type ModuleRow } from './onboarding-plan';

export interface ApplyOptions {
  /** Do everything inside the transaction, report it, then roll it back. */
  dryRun?: boolean;
  /** Who is applying, for the audit log; the CLI acts as the system. */
  actor?: Actor;
  requestId?: string;
}

export interface OnboardingInvalid {
  status: 'invalid';
  problems: ManifestProblem[];
}

export interface IdentityResult {
  slug: string;
  /** `failed` is a step that threw; the database changes before it are kept. */
  outcome: IdentityOutcome | 'failed';
  detail: string;
}

export interface OnboardingDone {
  status: 'applied' | 'dry-run';
  plans: MemberPlan[];
  /** Each planned member as it stands after the changes (after a dry run: as it would). */
  members: Map<string, TenantEntity>;
  /** Members in the database that no manifest in the directory names; they are left as they are. */
  unlisted: string[];
  /** What was done in Keycloak after the commit; empty for a dry run. */
  identity: IdentityResult[];
}

export type OnboardingOutcome = OnboardingInvalid | OnboardingDone;

export function changeCount(outcome: OnboardingDone): number {
  return outcome.plans.reduce((sum, plan) => sum + plan.changes.length, 0);
}

const CLI_ACTOR = systemActor('hearth tenants:apply');
/** The audit operation that records a first admin's invitation; it is also how a second run knows. */
const INVITE_ADMIN = 'members.inviteAdmin';

interface Planned {
  plans: MemberPlan[];
  tenants: Map<string, TenantEntity>;
  unlisted: string[];
}

/** Carries a dry run's result out of the transaction it rolls back. */
class DryRunRollback<T> extends Error {
  constructor(readonly result: T) {
    super('dry run: rolled back');
  }
}

/**
 * Onboards members and keeps them as their manifests say: one plan (a diff against the database),
 * applied in one transaction, audited change by change. The CLI and the consortium admins'
 * GraphQL mutations both come through here, so they can never disagree about what a manifest means.
 */
@Injectable()
export class OnboardingService {
  private readonly coreModules: ReadonlySet<string>;

  constructor(
    private readonly transactions: TransactionManager,
    private readonly audit: AuditLog,
    private readonly validator: ManifestValidator,
    private readonly registry: ModuleRegistry,
    private readonly identity: IdentityDirectory,
  ) {
    this.coreModules = new Set(registry.all().filter((m) => m.core).map((m) => m.key));
  }

  /** Applies every manifest in `dir`, or none of them if any has a problem. */
  async applyDirectory(dir: string, options: ApplyOptions = {}): Promise<OnboardingOutcome> {
    const loaded = await loadManifestDirectory(dir);
    const validated = this.validator.validate(loaded.sources);
    const problems = [...loaded.problems, ...validated.problems].sort(byPosition);
    if (problems.length) return invalid(problems);
    return this.apply(validated.manifests, options, { reportUnlisted: true });
  }

  /** Applies one member's manifest (a consortium admin's GraphQL input); other members are not looked at. */
  async applyManifest(document: MemberManifest, options: ApplyOptions = {}): Promise<OnboardingOutcome> {
    const validated = this.validator.validate([{ document }]);
    if (validated.problems.length) return invalid(validated.problems);
    return this.apply(validated.manifests, options, { reportUnlisted: false });
  }

  /**
   * Switches one module on or off for a member. Without `settings`, switching on keeps the
   * member's stored settings. Checked like a manifest: installed, dependencies on, settings valid.
   */
  async setModule(
    slug: string,
    module: string,
    enabled: boolean,
    settings: ModuleSettings | undefined,
    options: ApplyOptions = {},
  ): Promise<OnboardingOutcome> {
    return this.execute(options, [], async () => {
      const tenant = await (await this.transactions.repository(TenantEntity)).findOneBy({ slug });
      if (!tenant) throw new HearthError('UNKNOWN_MEMBER', `There is no member "${slug}"`);
      const state = await this.stateOf(tenant);
      const source = { document: {} };
      const at = pointerOf(['modules', module]);
      const definition = this.registry.get(module);
      if (!definition) return invalid([problemAt(source, at, `module "${module}" is not installed`)]);
      if (definition.core && !enabled) {
        return invalid([problemAt(source, at, `module "${module}" is a core module: it is on for every member`)]);
      }
      const listed: Record<string, { settings: ModuleSettings }> = {};
      for (const [key, row] of state.modules) {
        if (row.enabled && this.registry.get(key)) listed[key] = { settings: row.settings };
      }
      if (enabled) listed[module] = { settings: settings ?? state.modules.get(module)?.settings ?? {} };
      else delete listed[module];
      const checked = this.validator.checkModules(source, listed);
      if (checked.problems.length) return invalid(checked.problems);
      const plan = { slug, changes: planModules(checked.settings, state.modules, this.coreModules) };
      return { plans: [plan], tenants: new Map([[slug, tenant]]), unlisted: [] };
    });
  }

  private apply(manifests: ValidManifest[], options: ApplyOptions, scope: { reportUnlisted: boolean }): Promise<OnboardingOutcome> {
    return this.execute(options, manifests, async () => {
      const tenants = new Map((await (await this.transactions.repository(TenantEntity)).find()).map((t) => [t.slug, t]));
      const conflicts = organizationConflicts(manifests, tenants);
      if (conflicts.length) return invalid(conflicts);
      const plans: MemberPlan[] = [];
      for (const desired of manifests) {
        const tenant = tenants.get(desired.manifest.slug);
        plans.push(planMember(desired, tenant && (await this.stateOf(tenant)), this.coreModules));
      }
      const listed = new Set(manifests.map((m) => m.manifest.slug));
      const unlisted = scope.reportUnlisted ? [...tenants.keys()].filter((slug) => !listed.has(slug)).sort() : [];
      return { plans, tenants, unlisted };
    });
  }

  /**
   * Plans and writes in one transaction, then brings Keycloak in line.
   *
   * Keycloak is called only after the commit. The database is the record Hearth owns and can roll
   * back; Keycloak is not. Called inside the transaction, a failure after an organization was
   * created would leave Keycloak ahead of a rolled-back database, and a slow Keycloak would hold
   * the transaction's locks open. Afterwards, a failure leaves the database right and Keycloak
   * behind, and because every identity step checks before it acts and runs for every manifest
   * applied (not only for changed ones), the next run completes what this one could not.
   */
  private async execute(
    options: ApplyOptions,
    identityFor: readonly ValidManifest[],
    plan: () => Promise<Planned | OnboardingInvalid>,
  ): Promise<OnboardingOutcome> {
    const outcome = await this.inTransaction(options, async (): Promise<OnboardingOutcome> => {
      // One onboarding at a time: two runs planned against the same state would both create the
      // same member, and the second would fail on the registry's unique keys instead of seeing it.
      await this.transactions.query(`select pg_advisory_xact_lock(hashtext('hearth:onboarding'))`);
      const planned = await plan();
      if ('status' in planned) return planned;
      const members = await this.write(planned.plans, planned.tenants);
      return { status: options.dryRun ? 'dry-run' : 'applied', plans: planned.plans, members, unlisted: planned.unlisted, identity: [] };
    });
    if (outcome.status !== 'applied') return outcome;
    return { ...outcome, identity: await this.syncIdentity(identityFor) };
  }

  /**
   * A dry run does all the work of a real one inside the transaction, then rolls it back, so what
   * it reports is exactly what applying would do, including anything only the database refuses.
   */
  private inTransaction<T>(options: ApplyOptions, work: () => Promise<T>): Promise<T> {
    const unit = { actor: options.actor ?? CLI_ACTOR, requestId: options.requestId };
    if (!options.dryRun) return this.transactions.run(unit, work);
    return this.transactions
      .run(unit, async () => {
        throw new DryRunRollback(await work());
      })
      .catch((error: unknown) => {
        if (error instanceof DryRunRollback) return error.result as T;
        throw error;
      });
  }

  /** What the database holds for a member, read bound to that member as row-level security requires. */
  private stateOf(tenant: TenantEntity): Promise<MemberState> {
    return this.transactions.withTenant(tenant.id, async () => {
      const rows = await this.transactions.query<{ module_key: string; enabled: boolean; settings: ModuleSettings }>(
        `select module_key, enabled, settings from hearth.tenant_module`,
      );
      const invited = await this.transactions.query<{ target_id: string }>(
        `select distinct target_id from hearth.audit_log where target_type = 'member-admin' and operation = $1`,
        [INVITE_ADMIN],
      );
      return {
        tenant,
        modules: new Map(rows.map((r): [string, ModuleRow] => [r.module_key, { enabled: r.enabled, settings: r.settings }])),
        invitedAdmins: new Set(invited.map((r) => r.target_id)),
      };
    });
  }

  private async write(plans: readonly MemberPlan[], tenants: ReadonlyMap<string, TenantEntity>): Promise<Map<string, TenantEntity>> {
    const repository = await this.transactions.repository(TenantEntity);
    const members = new Map<string, TenantEntity>();
    // The registry is every member's shared directory: only the consortium policy lets writes through.
    await this.transactions.asConsortium(async () => {
      for (const { slug, changes } of plans) {
        let tenant = tenants.get(slug);
        for (const change of changes) {
          if (change.kind === 'create') tenant = repository.create({ slug, ...columnsOf(change.fields) });
          if (change.kind === 'field') Object.assign(tenant!, columnsOf({ [change.field]: change.after }));
        }
        if (changes.some((c) => c.kind === 'create' || c.kind === 'field')) tenant = await repository.save(tenant!);
        members.set(slug, tenant!);
      }
    });
    // Module rows and audit entries belong to the member, so they are written bound to it.
    for (const { slug, changes } of plans) {
      if (!changes.length) continue;
      const tenantId = members.get(slug)!.id;
      await this.transactions.withTenant(tenantId, async () => {
        for (const change of changes) {
          const row = moduleRowOf(change);
          if (row) {
            await this.transactions.query(
              `insert into hearth.tenant_module (tenant_id, module_key, enabled, settings) values ($1, $2, $3, $4)
               on conflict (tenant_id, module_key)
               do update set enabled = excluded.enabled, settings = excluded.settings, updated_at = now()`,
              [tenantId, row.module, row.enabled, JSON.stringify(row.settings)],
            );
          }
          await this.audit.record(auditEntryOf(slug, change));
        }
      });
    }
    return members;
  }

  private async syncIdentity(manifests: readonly ValidManifest[]): Promise<IdentityResult[]> {
    const results: IdentityResult[] = [];
    const attempt = async (slug: string, failure: string, step: () => Promise<IdentityStep>): Promise<boolean> => {
      try {
        results.push({ slug, ...(await step()) });
        return true;
      } catch (error) {
        results.push({ slug, outcome: 'failed', detail: `${failure}: ${reasonOf(error)}` });
        return false;
      }
    };
    for (const { manifest } of manifests) {
      const { slug, name, admins } = manifest;
      const alias = manifest.keycloak.organization;
      const organization = { alias, name, domains: manifest.keycloak.domains ?? [] };
      if (!(await attempt(slug, `could not create organization ${alias}`, () => this.identity.ensureOrganization(organization)))) continue;
      for (const admin of admins) {
        await attempt(slug, `could not invite ${admin.email} to ${alias}`, () => this.identity.inviteAdmin(alias, admin));
      }
    }
    return results;
  }
}

function invalid(problems: ManifestProblem[]): OnboardingInvalid {
  return { status: 'invalid', problems };
}

/** An organization alias already held by another member would fail the registry's unique key; say so first. */
function organizationConflicts(manifests: readonly ValidManifest[], tenants: ReadonlyMap<string, TenantEntity>): ManifestProblem[] {
  const owners = new Map([...tenants.values()].map((t) => [t.keycloakOrganization, t.slug]));
  return manifests.flatMap(({ source, manifest }) => {
    const owner = owners.get(manifest.keycloak.organization);
    return owner && owner !== manifest.slug
      ? [problemAt(source, '/keycloak/organization', `"${manifest.keycloak.organization}" already belongs to member "${owner}"`)]
      : [];
  });
}

function columnsOf(fields: Partial<MemberFields>): Partial<TenantEntity> {
  const { 'keycloak.organization': keycloakOrganization, ...rest } = fields;
  return { ...rest, ...(keycloakOrganization === undefined ? {} : { keycloakOrganization }) };
}

function moduleRowOf(change: MemberChange): { module: string; enabled: boolean; settings: ModuleSettings } | undefined {
  switch (change.kind) {
    case 'module-on':
      return { module: change.module, enabled: true, settings: change.settings };
    case 'module-off':
      return { module: change.module, enabled: false, settings: change.settings };
    case 'module-settings':
      return { module: change.module, enabled: true, settings: change.after };
    default:
      return undefined;
  }
}

function auditEntryOf(slug: string, change: MemberChange): AuditChange {
  switch (change.kind) {
    case 'create':
      return { operation: 'members.onboard', targetType: 'member', targetId: slug, after: change.fields };
    case 'field':
      return {
        operation: 'members.update',
        targetType: 'member',
        targetId: slug,
        before: { [change.field]: change.before },
        after: { [change.field]: change.after },
      };
    case 'module-on':
      return { operation: 'members.enableModule', targetType: 'module', targetId: change.module, after: { enabled: true, settings: change.settings } };
    case 'module-off':
      return {
        operation: 'members.disableModule',
        targetType: 'module',
        targetId: change.module,
        before: { enabled: true, settings: change.settings },
        after: { enabled: false, settings: change.settings },
      };
    case 'module-settings':
      return {
        operation: 'members.configureModule',
        targetType: 'module',
        targetId: change.module,
        before: { settings: change.before },
        after: { settings: change.after },
      };
    case 'invite-admin':
      return { operation: INVITE_ADMIN, targetType: 'member-admin', targetId: change.admin.email.toLowerCase(), after: change.admin };
  }
}

/** Keycloak's admin client puts the server's reason in the message and the status on the response. */
function reasonOf(error: unknown): string {
  const status = (error as { response?: { status?: number } }).response?.status;
  const message = error instanceof Error ? error.message : String(error);
  return status ? `${message} (HTTP ${status})` : message;
}
