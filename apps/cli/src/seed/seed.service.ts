import { AuditLog, systemActor, TenantEntity, TenantModuleEntity, TransactionManager } from '@hearth/platform-database';
import type { HomeRun } from './estate-layout';
import { layoutMember } from './estate-layout';
import { datasetKey, planMembers, SEEDED_MODULES, type MemberPlan, type SeedOptions } from './member-plan';
import { addCounts, emptyCounts, homesStatement, structureStatement, type RowCounts, type Statement } from './register-sql';

const SEED_ACTOR = systemActor('hearth seed');

/**
 * Homes written by one statement. Small enough that a statement stays well inside the
 * transaction manager's statement timeout on a busy machine, large enough that per-statement
 * overhead does not matter.
 */
const CHUNK_HOMES = 10_000;
/** Members generated at once, each on its own connection: PostgreSQL does the work, so one per core. */
const DEFAULT_CONCURRENCY = 2;

export interface SeedProgress {
  membersDone: number;
  membersToWrite: number;
  homesWritten: number;
  homesToWrite: number;
  rowsWritten: number;
  elapsedMs: number;
}

export interface SeedSummary {
  dataset: string;
  created: MemberPlan[];
  /** Members this dataset already had: a run is idempotent. */
  existing: MemberPlan[];
  rows: RowCounts;
  elapsedMs: number;
}

export interface SeedRun {
  concurrency?: number;
  onProgress?: (progress: SeedProgress) => void;
}

/**
 * Writes a generated dataset (see docs/data-generator.md). Each member is one transaction as
 * hearth_app: its registry row through the consortium path, then everything else bound to the
 * member, so row-level security checks every row written. A member that exists is complete
 * (its transaction committed), which is what makes a second run add nothing and an interrupted
 * run resumable.
 */
export class SeedService {
  constructor(
    private readonly transactions: TransactionManager,
    private readonly audit: AuditLog,
  ) {}

  async seed(options: SeedOptions, run: SeedRun = {}): Promise<SeedSummary> {
    const started = Date.now();
    const members = planMembers(options);
    const present = await this.presentMembers(members);
    // Largest first, so the last member to finish is a small one and both connections stay busy.
    const queue = members.filter((m) => !present.has(m.id)).sort((a, b) => b.homes - a.homes);
    const progress: SeedProgress = {
      membersDone: 0,
      membersToWrite: queue.length,
      homesWritten: 0,
      homesToWrite: queue.reduce((sum, m) => sum + m.homes, 0),
      rowsWritten: 0,
      elapsedMs: 0,
    };
    const rows = emptyCounts();
    const created: MemberPlan[] = [];
    const report = () => run.onProgress?.({ ...progress, elapsedMs: Date.now() - started });

    const worker = async () => {
      for (let member = queue.shift(); member; member = queue.shift()) {
        const written = await this.seedMember(member, (homes, counts) => {
          progress.homesWritten += homes;
          progress.rowsWritten += total(counts);
          report();
        });
        addCounts(rows, written);
        created.push(member);
        progress.membersDone += 1;
        report();
      }
    };
    await Promise.all(Array.from({ length: run.concurrency ?? DEFAULT_CONCURRENCY }, worker));
    return {
      dataset: datasetKey(options),
      created: created.sort((a, b) => a.index - b.index),
      existing: members.filter((m) => present.has(m.id)),
      rows,
      elapsedMs: Date.now() - started,
    };
  }

  private presentMembers(members: MemberPlan[]): Promise<Set<string>> {
    return this.transactions.run({ actor: SEED_ACTOR }, async () => {
      const rows = await this.transactions.query<{ id: string }>(`select id from hearth.tenant where id = any($1::uuid[])`, [
        members.map((m) => m.id),
      ]);
      return new Set(rows.map((row) => row.id));
    });
  }

  private seedMember(member: MemberPlan, onChunk: (homes: number, rows: Partial<RowCounts>) => void): Promise<RowCounts> {
    const layout = layoutMember(member);
    return this.transactions.run({ actor: SEED_ACTOR }, async () => {
      // A chunk's materialised plan (its homes and people) fits in memory rather than spilling to
      // disk; the JIT is off, because compiling a statement this size costs more than the whole
      // statement does without it (2.3 s against 4.1 s for 10,000 homes); and the commit does
      // not wait for its WAL to reach the disk: a member lost in a crash is written again by the
      // next run, so there is nothing to wait for.
      await this.transactions.query(
        `select set_config('work_mem', '64MB', true), set_config('jit', 'off', true), set_config('synchronous_commit', 'off', true)`,
      );
      await this.transactions.asConsortium(async () => {
        await (await this.transactions.repository(TenantEntity)).insert({
          id: member.id,
          slug: member.slug,
          name: member.name,
          nameCy: member.nameCy,
          registrationNumber: member.registrationNumber,
          country: member.country,
          languages: member.languages,
          keycloakOrganization: member.slug,
          status: 'active',
        });
      });
      return this.transactions.withTenant(member.id, async () => {
        await (await this.transactions.repository(TenantModuleEntity)).insert(
          SEEDED_MODULES.map((moduleKey) => ({ tenantId: member.id, moduleKey, enabled: true, settings: {} })),
        );
        await this.audit.record({
          operation: 'seed.generateMember',
          targetType: 'member',
          targetId: member.id,
          after: { dataset: member.namespace, slug: member.slug, homes: member.homes, modules: SEEDED_MODULES },
        });
        const counts = emptyCounts();
        const write = async (statement: Statement, homes: number) => {
          const [written] = await this.transactions.query<Partial<RowCounts>>(statement.text, statement.values);
          addCounts(counts, written);
          onChunk(homes, written);
        };
        await write(structureStatement(member, layout.structures), 0);
        for (const runs of chunks(layout.runs)) {
          await write(homesStatement(member, runs), runs.reduce((sum, r) => sum + r.homes, 0));
        }
        return counts;
      });
    });
  }
}

/** Consecutive runs grouped into statements of about CHUNK_HOMES homes. */
function chunks(runs: readonly HomeRun[]): HomeRun[][] {
  const groups: HomeRun[][] = [];
  let current: HomeRun[] = [];
  let homes = 0;
  for (const run of runs) {
    current.push(run);
    homes += run.homes;
    if (homes >= CHUNK_HOMES) {
      groups.push(current);
      current = [];
      homes = 0;
    }
  }
  if (current.length) groups.push(current);
  return groups;
}

function total(counts: Partial<RowCounts>): number {
  return Object.values(counts).reduce((sum: number, n) => sum + (n ?? 0), 0);
}
