import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable, Logger } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { HearthError } from '@hearth/platform-core';
import { hearthContext, TransactionManager } from '@hearth/platform-database';
import { IMPORT_ROWS, ModuleEnablement, type ImportCheck, type ImportColumn, type ImportCounts, type Importer } from '@hearth/platform-kernel';
import { columnChecks } from './column-checks';
import { copyProblem, inspectHead, readHead } from './csv-file';
import { ImporterRegistry, type RegisteredImporter } from './importer-registry';
import { failed, MAX_KEPT_PROBLEMS, type ImportOutcome } from './import-outcome';
import type { ImportProblem, ImportProgress } from './import.model';

export interface ImportOptions {
  /** Check (and count what would change), then roll everything back. */
  dryRun?: boolean;
  /** Called as the import moves on; at most every PROGRESS_INTERVAL_MS while rows stream in. */
  onProgress?: (progress: ImportProgress) => Promise<void> | void;
}

/** Opens the file from its start; called once for the header, once for COPY. */
export type OpenFile = () => Readable;

/** An import may run far past a request's statement timeout; this bounds a stuck one. */
const IMPORT_STATEMENT_TIMEOUT_MS = 30 * 60_000;
const IMPORT_WORK_MEM = '64MB';
const PROGRESS_INTERVAL_MS = 500;
const SAVEPOINT = 'hearth_import';
const STAGING = 'import_staging';
const PROBLEMS = 'import_problem';
const IMPORTED = Symbol('an import ran in this unit of work');

/**
 * Imports one CSV file inside the current unit of work, all or nothing: the rows are COPYed
 * into a temporary staging table, every check runs over all of them as set-based SQL, and the
 * importer applies them only if no row broke a rule. Everything happens after a savepoint, so
 * a file with problems (or a dry run) is rolled back to it and the caller's own work survives.
 */
@Injectable()
export class ImportService {
  private readonly logger = new Logger(ImportService.name);

  constructor(
    private readonly transactions: TransactionManager,
    private readonly importers: ImporterRegistry,
    private readonly enablement: ModuleEnablement,
  ) {}

  async import(kind: string, open: OpenFile, options: ImportOptions = {}): Promise<ImportOutcome> {
    const entry = this.importers.get(kind);
    if (!entry) throw new HearthError('BAD_USER_INPUT', `There is no import of ${kind}`);
    const context = hearthContext.require();
    if (context.memo.has(IMPORTED)) throw new Error('One import per unit of work: its temporary tables live until the commit');
    context.memo.set(IMPORTED, true);

    if (!(await this.enablement.enabledKeys()).has(entry.module.key)) {
      return failed([{ line: null, column: null, reason: `The ${entry.module.name} module is switched off for this member, so its files cannot be imported` }]);
    }
    const inspection = inspectHead(await readHead(open()), kind, entry.importer.columns);
    if ('problems' in inspection) return failed(inspection.problems);

    await lockImports(this.transactions);
    // For the rest of this unit of work: time for bulk statements, memory for their sorts and hashes
    // (so they stay off disk), and no JIT, whose compile time the row estimates of fresh temporary tables cannot justify.
    await this.transactions.query(
      `select set_config('statement_timeout', $1, true), set_config('work_mem', $2, true), set_config('jit', 'off', true)`,
      [String(IMPORT_STATEMENT_TIMEOUT_MS), IMPORT_WORK_MEM],
    );
    await this.transactions.query(`savepoint ${SAVEPOINT}`);
    try {
      const outcome = await this.stageCheckApply(entry, inspection.header, open, new ProgressReporter(options.onProgress, this.logger));
      if (outcome.status === 'failed' || options.dryRun) await this.transactions.query(`rollback to savepoint ${SAVEPOINT}`);
      else await this.transactions.query(`release savepoint ${SAVEPOINT}`);
      return outcome;
    } catch (error) {
      await this.transactions.query(`rollback to savepoint ${SAVEPOINT}`);
      throw error;
    }
  }

  private async stageCheckApply(entry: RegisteredImporter, header: string[], open: OpenFile, progress: ProgressReporter): Promise<ImportOutcome> {
    const { importer } = entry;
    await this.createStaging(importer.columns);

    const rows = await this.copy(header, open, progress);
    if (typeof rows !== 'number') return failed([rows]); // what COPY refused
    if (rows === 0) return failed([{ line: null, column: null, reason: 'The file has a header row but no rows to import' }]);
    await progress.report({ rowsStaged: rows, rowsValidated: 0, rowsApplied: 0 }, true);
    await this.tidyStaging(importer.columns);

    await importer.prepare?.();
    const problemCount = await this.check(importer);
    if (problemCount > 0) {
      const problems = await this.transactions.query<ImportProblem>(
        `select line, column_name as "column", reason from ${PROBLEMS} order by line nulls first, position limit $1`,
        [MAX_KEPT_PROBLEMS],
      );
      return { status: 'failed', rows, problems, problemCount };
    }
    await progress.report({ rowsStaged: rows, rowsValidated: rows, rowsApplied: 0 }, true);

    let counts: ImportCounts;
    try {
      counts = await importer.apply();
    } catch (error) {
      const refused = integrityProblem(error);
      if (!refused) throw error;
      return { status: 'failed', rows, problems: [refused], problemCount: 1 };
    }
    await progress.report({ rowsStaged: rows, rowsValidated: rows, rowsApplied: rows }, true);
    return { status: 'succeeded', rows, counts };
  }

  /**
   * The staging table takes every cell as text, so COPY never refuses a value and the checks can
   * say what is wrong with it; `line` numbers records in file order, the header being line 1.
   */
  private async createStaging(columns: readonly ImportColumn[]): Promise<void> {
    await this.transactions.query(
      `create temporary table ${STAGING} (line integer generated always as identity (start with 2), ${columns.map((c) => `${c.name} text`).join(', ')}) on commit drop`,
    );
    await this.transactions.query(
      `create temporary table ${PROBLEMS} (line integer, column_name text, reason text not null, position integer not null) on commit drop`,
    );
  }

  /**
   * The rows as checks and importers read them: cells trimmed, empty ones null. Written once,
   * because every check reads every row; a view would trim each cell once per check.
   */
  private async tidyStaging(columns: readonly ImportColumn[]): Promise<void> {
    await this.transactions.query(
      `create temporary table ${IMPORT_ROWS} on commit drop as
       select line, ${columns.map((c) => `nullif(btrim(${c.name}), '') as ${c.name}`).join(', ')} from ${STAGING}`,
    );
    await this.transactions.query(`drop table ${STAGING}`);
  }

  /** Streams the file into the staging table; returns the number of rows, or what COPY refused. */
  private async copy(header: string[], open: OpenFile, progress: ProgressReporter): Promise<number | ImportProblem> {
    const client = await this.connection();
    const feed = new CopyFeed((lines) => void progress.report({ rowsStaged: Math.max(lines - 1, 0), rowsValidated: 0, rowsApplied: 0 }));
    const copy = client.query(copyFrom(`copy ${STAGING} (${header.join(', ')}) from stdin with (format csv, header true, encoding 'UTF8')`));
    try {
      await pipeline(open(), feed, copy);
    } catch (error) {
      const problem = copyProblem(error);
      if (problem) return problem;
      throw error;
    }
    return copy.rowCount;
  }

  /**
   * Runs every check over every row, collecting each problem, and returns how many there are.
   * The column checks only read the row, so they share one pass; the importer's own checks
   * may join other rows and tables, so each is a statement of its own the planner can join well.
   */
  private async check({ columns, checks, checksFrom = `${IMPORT_ROWS} r` }: Importer): Promise<number> {
    // A row's problems are reported in the order of its columns, the routine ones first in each.
    const position = (check: ImportCheck, i: number, offset: number) => columns.findIndex((c) => c.name === check.column) * 1_000 + offset + i;
    const rowChecks = columns.flatMap(columnChecks);
    const insert = `insert into ${PROBLEMS} (line, column_name, reason, position)`;
    if (rowChecks.length) {
      // Rows that break no rule (nearly all, in a good file) are passed over by the one condition
      // before the per-check expansion, which costs a row per check.
      const values = rowChecks.map((c, i) => `(${position(c, i, 0)}, '${c.column}', case when ${c.failsWhen} then ${c.reason} end)`);
      await this.transactions.query(
        `${insert} select r.line, c.column_name, c.reason, c.position from ${IMPORT_ROWS} r
         cross join lateral (values ${values.join(', ')}) as c (position, column_name, reason)
         where (${rowChecks.map((c) => `(${c.failsWhen})`).join(' or ')}) and c.reason is not null`,
      );
    }
    for (const [i, c] of checks.entries()) {
      await this.transactions.query(
        `${insert} select r.line, '${c.column}', ${c.reason}, ${position(c, i, 500)} from ${checksFrom} where ${c.failsWhen}`,
      );
    }
    const [{ count }] = await this.transactions.query<{ count: number }>(`select count(*)::int as count from ${PROBLEMS}`);
    return count;
  }

  /** COPY needs the driver's own connection: the unit of work's, inside its transaction. */
  private async connection(): Promise<PoolClient> {
    const manager = await this.transactions.manager();
    return (await manager.queryRunner!.connect()) as PoolClient;
  }
}

/**
 * The checks are written to catch everything the tables' constraints refuse, but the register
 * may change between the checks and the apply (staff editing it through the API), so a
 * constraint can still refuse a row then. That is a problem with the file as it meets the
 * register now, reported as such, not a fault.
 */
function integrityProblem(error: unknown): ImportProblem | undefined {
  const { code, constraint } = error as { code?: string; constraint?: string };
  if (!code?.startsWith('23')) return undefined;
  return {
    line: null,
    column: null,
    reason: `While the file was being applied a row broke a rule of the register (${constraint ?? code}), so nothing was applied. The register may have changed since the file was checked: import it again.`,
  };
}

/**
 * One import at a time per member: two files touching the same references would otherwise
 * race, and a redelivered job waits for its first delivery to finish instead of repeating it.
 */
export async function lockImports(transactions: TransactionManager): Promise<void> {
  await transactions.query(`select pg_advisory_xact_lock(hashtextextended('hearth.imports:' || hearth.current_tenant_id(), 0))`);
}

/**
 * Passes the file on to COPY, counting lines for progress. Blank lines at the very end are
 * held back and dropped: COPY would read each as a row of empty values.
 */
class CopyFeed extends Transform {
  private lines = 0;
  private trailing: Buffer[] = [];

  constructor(private readonly onLines: (lines: number) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    let end = chunk.length;
    while (end > 0 && WHITESPACE.has(chunk[end - 1])) end--;
    if (end === 0) {
      this.trailing.push(chunk);
      return done();
    }
    for (const held of this.trailing) this.push(held);
    this.trailing = [chunk.subarray(end)];
    for (let i = chunk.indexOf(0x0a); i !== -1 && i < end; i = chunk.indexOf(0x0a, i + 1)) this.lines++;
    this.push(chunk.subarray(0, end));
    this.onLines(this.lines);
    done();
  }
}

const WHITESPACE = new Set([0x20, 0x09, 0x0d, 0x0a]);

/** Hands progress on no more often than every PROGRESS_INTERVAL_MS, in order, without holding up the import. */
class ProgressReporter {
  private last = 0;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly listener: ImportOptions['onProgress'],
    private readonly logger: Logger,
  ) {}

  /** Resolves once this report (and every earlier one) has been handed on; `force` skips the interval. */
  report(progress: ImportProgress, force = false): Promise<void> {
    const listener = this.listener;
    if (!listener || (!force && Date.now() - this.last < PROGRESS_INTERVAL_MS)) return this.pending;
    this.last = Date.now();
    this.pending = this.pending.then(async () => {
      try {
        await listener(progress);
      } catch (error) {
        this.logger.warn(`Could not report import progress: ${(error as Error).message}`);
      }
    });
    return this.pending;
  }
}
