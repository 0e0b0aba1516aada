import { Injectable } from '@nestjs/common';
import { HearthError } from '@hearth/platform-core';
import { actorLabel, AuditLog, hearthContext, Outbox, TransactionManager } from '@hearth/platform-database';
import { ModuleEnablement } from '@hearth/platform-kernel';
import { decodeCursor, decodeTimeCursor, DEFAULT_PAGE_SIZE, toConnection, type ConnectionShape, type PageArgs } from '@hearth/platform-graphql';
import { StoredFiles } from './files/stored-files';
import { ImporterRegistry } from './importer-registry';
import { ImportService, lockImports } from './import.service';
import { ImportEvent } from './imports.permissions';
import {
  FileNotFound,
  ImportKind,
  ImportModuleDisabled,
  ImportRun,
  ImportRunStatus,
  ImportStarted,
  UnknownImportKind,
  type ImportProblem,
  type ImportProblemConnection,
  type ImportProgress,
} from './import.model';

interface ImportRunRow {
  id: string;
  kind: string;
  file_id: string;
  status: ImportRunStatus;
  rows_staged: number;
  rows_validated: number;
  rows_applied: number;
  inserted: number | null;
  updated: number | null;
  unchanged: number | null;
  error_count: number;
  started_by: string;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  cursor_key: string;
}

/** Every column but the kept problems, which are paged on their own. */
const RUN_COLUMNS = `id, kind, file_id, status, rows_staged, rows_validated, rows_applied, inserted, updated, unchanged,
  error_count, started_by, created_at, started_at, finished_at, created_at::text as cursor_key`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Import runs: one per file imported, recording who started it, how far it has got and what it
 * found. Progress is written in short transactions of its own, so it shows while the import's
 * transaction is still open; the outcome is written in the import's transaction, so a run is
 * marked succeeded exactly when its changes commit.
 */
@Injectable()
export class ImportRuns {
  constructor(
    private readonly transactions: TransactionManager,
    private readonly imports: ImportService,
    private readonly importers: ImporterRegistry,
    private readonly files: StoredFiles,
    private readonly enablement: ModuleEnablement,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
  ) {}

  /** The kinds of file the installed modules import, with whether the member may import each. */
  async kinds(): Promise<ImportKind[]> {
    const enabled = await this.enablement.enabledKeys();
    return this.importers.all().map(({ importer, module }) =>
      Object.assign(new ImportKind(), {
        kind: importer.kind,
        description: importer.description,
        module: module.key,
        enabled: enabled.has(module.key),
        columns: importer.columns.map((c) => ({
          name: c.name,
          description: c.description,
          required: Boolean(c.required),
          type: c.type ?? 'text',
          maxLength: c.maxLength ?? null,
          min: c.min ?? null,
          max: c.max ?? null,
          values: c.values ?? null,
        })),
      }),
    );
  }

  /** Why the member cannot import `kind`, or undefined if it can. */
  async refusal(kind: string): Promise<UnknownImportKind | ImportModuleDisabled | undefined> {
    const entry = this.importers.get(kind);
    if (!entry) {
      const kinds = this.importers.all().map((e) => e.importer.kind);
      return Object.assign(new UnknownImportKind(), {
        code: 'UNKNOWN_IMPORT_KIND',
        message: `Hearth cannot import "${kind}"; it can import ${kinds.join(', ')}`,
        kinds,
      });
    }
    if (!(await this.enablement.enabledKeys()).has(entry.module.key)) {
      return Object.assign(new ImportModuleDisabled(), {
        code: 'MODULE_DISABLED',
        message: `The ${entry.module.name} module is switched off for this member, so its files cannot be imported`,
        module: entry.module.key,
      });
    }
    return undefined;
  }

  /** Queues an import of an uploaded file; the worker picks it up once this unit of work commits. */
  async start(kind: string, fileId: string): Promise<ImportStarted | UnknownImportKind | FileNotFound | ImportModuleDisabled> {
    const refusal = await this.refusal(kind);
    if (refusal) return refusal;
    if (!(await this.files.find(fileId))) {
      return Object.assign(new FileNotFound(), { code: 'FILE_NOT_FOUND', message: `There is no uploaded file ${fileId}; upload it with POST /files first` });
    }
    const run = await this.create(kind, fileId);
    await this.audit.record({ operation: 'startImport', targetType: 'import_run', targetId: run.id, after: { kind, fileId } });
    // Queued through the outbox: the job exists exactly when the run does, and never before it commits.
    await this.outbox.publish({ type: ImportEvent.Queued, aggregateType: 'import_run', aggregateId: run.id, payload: { kind, fileId } });
    return Object.assign(new ImportStarted(), { run });
  }

  async create(kind: string, fileId: string): Promise<ImportRun> {
    const context = hearthContext.require();
    const [row] = await this.transactions.query<ImportRunRow>(
      `insert into hearth.import_run (tenant_id, kind, file_id, started_by) values ($1, $2, $3, $4) returning ${RUN_COLUMNS}`,
      [context.requireTenantId(), kind, fileId, actorLabel(context.actor)],
    );
    return toRun(row);
  }

  /**
   * Runs a queued import in the current unit of work and records its outcome there. A run that
   * has already finished is returned as it is: BullMQ may deliver a job twice, and the member
   * lock makes a second delivery wait for the first to commit before it looks.
   */
  async execute(runId: string, onProgress?: (progress: ImportProgress) => Promise<void> | void): Promise<ImportRun> {
    await lockImports(this.transactions);
    const run = await this.find(runId);
    if (!run) throw new HearthError('NOT_FOUND', `There is no import run ${runId}`);
    if (run.status === ImportRunStatus.SUCCEEDED || run.status === ImportRunStatus.FAILED) return run;

    await this.separately(
      `update hearth.import_run set status = 'running', started_at = now(), rows_staged = 0, rows_validated = 0, rows_applied = 0 where id = $1`,
      [runId],
    );
    const outcome = await this.imports.import(run.kind, () => this.files.open(run.fileId), {
      onProgress: async (progress) => {
        await this.separately(
          `update hearth.import_run set rows_staged = $2, rows_validated = $3, rows_applied = $4 where id = $1`,
          [runId, progress.rowsStaged, progress.rowsValidated, progress.rowsApplied],
        );
        await onProgress?.(progress);
      },
    });

    if (outcome.status === 'failed') {
      await this.transactions.query(
        `update hearth.import_run set status = 'failed', finished_at = now(), error_count = $2, errors = $3 where id = $1`,
        [runId, outcome.problemCount, JSON.stringify(outcome.problems)],
      );
    } else {
      const { inserted, updated, unchanged } = outcome.counts;
      await this.transactions.query(
        `update hearth.import_run set status = 'succeeded', finished_at = now(), inserted = $2, updated = $3, unchanged = $4,
           rows_staged = $5, rows_validated = $5, rows_applied = $5 where id = $1`,
        [runId, inserted, updated, unchanged, outcome.rows],
      );
      // A run that changed nothing leaves no trace beyond itself: re-importing a file is silent.
      if (inserted + updated > 0) {
        const summary = { kind: run.kind, fileId: run.fileId, startedBy: run.startedBy, inserted, updated, unchanged };
        await this.audit.record({ operation: `import.${run.kind}`, targetType: 'import_run', targetId: runId, after: summary });
        await this.outbox.publish({ type: ImportEvent.Applied, aggregateType: 'import_run', aggregateId: runId, payload: summary });
      }
    }
    return (await this.find(runId))!;
  }

  /** Marks a run that could not finish (its job gave up) as failed; its transaction rolled back, so nothing was applied. */
  async abandon(runId: string): Promise<void> {
    const problem: ImportProblem = {
      line: null,
      column: null,
      reason: 'Hearth could not finish this import because of a fault on its side, which has been logged. Nothing was applied; start it again.',
    };
    await this.transactions.query(
      `update hearth.import_run set status = 'failed', finished_at = now(), error_count = 1, errors = $2
       where id = $1 and status in ('queued', 'running')`,
      [runId, JSON.stringify([problem])],
    );
  }

  async find(id: string): Promise<ImportRun | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.transactions.query<ImportRunRow>(`select ${RUN_COLUMNS} from hearth.import_run where id = $1`, [id]);
    return row ? toRun(row) : null;
  }

  /** The member's runs, newest first, paged by key on import_run_recent. */
  async list(args: PageArgs): Promise<ConnectionShape<ImportRun>> {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const params: unknown[] = [first + 1];
    let after = '';
    if (args.after) {
      const [createdAt, id] = decodeTimeCursor(args.after);
      params.push(createdAt, id);
      after = 'where (created_at, id) < ($2::timestamptz, $3::uuid)';
    }
    const rows = await this.transactions.query<ImportRunRow>(
      `select ${RUN_COLUMNS} from hearth.import_run ${after} order by created_at desc, id desc limit $1`,
      params,
    );
    const [{ total }] = await this.transactions.query<{ total: number }>(`select count(*)::int as total from hearth.import_run`);
    // The cursor carries PostgreSQL's own text for created_at: a JS Date would drop the microseconds.
    return mapConnection(toConnection(rows, args, total, (row) => [row.cursor_key, row.id]), toRun);
  }

  /** One page of the kept problems of each run, in one query: the page is the same for all of them. */
  async problems(runIds: readonly string[], args: PageArgs): Promise<ImportProblemConnection[]> {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    let offset = 0;
    if (args.after) {
      const [position] = decodeCursor(args.after, 1);
      if (!Number.isInteger(position) || (position as number) < 0) {
        throw new HearthError('BAD_USER_INPUT', 'The "after" cursor is not one this API issued', { field: 'after' });
      }
      offset = position as number;
    }
    const rows = await this.transactions.query<{ id: string; kept: number; page: Array<ImportProblem & { position: number }> }>(
      `select id, jsonb_array_length(errors) as kept,
         (select coalesce(jsonb_agg(problem || jsonb_build_object('position', position) order by position), '[]')
          from jsonb_array_elements(errors) with ordinality as e (problem, position)
          where position > $2 and position <= $2 + $3 + 1) as page
       from hearth.import_run where id = any($1::uuid[])`,
      [runIds, offset, first],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return runIds.map((id) => {
      const row = byId.get(id);
      const connection = toConnection(row?.page ?? [], args, row?.kept ?? 0, (problem) => [problem.position]);
      return mapConnection(connection, ({ line, column, reason }) => ({ line, column, reason }));
    });
  }

  /** Runs SQL in a short transaction of its own, committed at once: visible while the import's is still open. */
  private async separately(sql: string, params: unknown[]): Promise<void> {
    const { actor, tenantId } = hearthContext.require();
    await this.transactions.run({ actor: actor!, tenantId }, () => this.transactions.query(sql, params));
  }
}

function mapConnection<T, U>(connection: ConnectionShape<T>, map: (node: T) => U): ConnectionShape<U> {
  return { ...connection, edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: map(edge.node) })) };
}

function toRun(row: ImportRunRow): ImportRun {
  return Object.assign(new ImportRun(), {
    id: row.id,
    kind: row.kind,
    status: row.status,
    fileId: row.file_id,
    startedBy: row.started_by,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    progress: { rowsStaged: row.rows_staged, rowsValidated: row.rows_validated, rowsApplied: row.rows_applied },
    counts: row.status === ImportRunStatus.SUCCEEDED ? { inserted: row.inserted!, updated: row.updated!, unchanged: row.unchanged! } : null,
    errorCount: row.error_count,
  });
}
