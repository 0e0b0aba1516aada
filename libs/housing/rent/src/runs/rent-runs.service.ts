import { Injectable, Logger } from '@nestjs/common';
import { HearthError } from '@hearth/platform-core';
import { actorLabel, AuditLog, hearthContext, Outbox, systemActor, TransactionManager } from '@hearth/platform-database';
import { decodeCursor, DEFAULT_PAGE_SIZE, InputProblem, toConnection, type ConnectionShape, type PageArgs } from '@hearth/platform-graphql';
import { ModuleEnablement } from '@hearth/platform-kernel';
import { CHARGE_WEEKS, type AccountFrequency, type RentRunStatus } from '../rent.entities';
import { RentEvent } from '../rent.permissions';
import type { RentSettings } from '../rent.settings';
import { isRentFreeWeek, monthlyPeriod, weeklyPeriod } from '../accounts/rent-periods';
import { RentPosting, type ChunkCounts, type DueLine, type PostingPeriod } from './rent-posting';
import { NoRentAccounts, RentRun, RentRunInvalid, RentRunStarted, type RentRunRefusal } from './rent-run.model';
import type { StartRentRunInput } from './dto/rent-run.input';

/**
 * Accounts per chunk: one statement and one transaction each, so a member of any size commits
 * its progress as it goes and a statement stays far inside the statement timeout.
 */
export const DEFAULT_CHUNK_ACCOUNTS = 50_000;
/** A chunk's statement may take this long on a busy machine (the request default is 15 s). */
const CHUNK_STATEMENT_TIMEOUT_MS = 120_000;
const RUNS_ACTOR = systemActor('rent-runs');

interface RentRunRow {
  id: string;
  frequency: AccountFrequency;
  period_start: string;
  period_end: string;
  dry_run: boolean;
  status: RentRunStatus;
  accounts: number | null;
  charges_posted: number | null;
  charges_already_posted: number | null;
  total_pence: string | null;
  error: string | null;
  started_by: string;
  queued_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  cursor_key: string;
}

const RUN_COLUMNS = `id, frequency, period_start::text, period_end::text, dry_run, status, accounts, charges_posted, charges_already_posted,
  total_pence::text, error, started_by, queued_at, started_at, finished_at, queued_at::text as cursor_key`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface RunProgress {
  chunksDone: number;
  chunks: number;
  accounts: number;
  chargesPosted: number;
  chargesAlreadyPosted: number;
}

export interface ExecuteOptions {
  chunkAccounts?: number;
  onProgress?: (progress: RunProgress) => Promise<void> | void;
}

/**
 * Rent runs: started through the API (a rent_run row and, once that commits, a job), executed by
 * the worker a chunk of accounts per transaction. Each chunk's charges and the run's counts move
 * together in one transaction, so the counts always describe exactly what is in the ledger, and
 * a run cut short and executed again carries on where the ledger says it got to.
 */
@Injectable()
export class RentRuns {
  private readonly logger = new Logger(RentRuns.name);

  constructor(
    private readonly transactions: TransactionManager,
    private readonly posting: RentPosting,
    private readonly enablement: ModuleEnablement,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
  ) {}

  /** Queues a run (or a dry run) of a period; the worker picks it up once this unit of work commits. */
  async start(input: StartRentRunInput): Promise<RentRunStarted | RentRunRefusal> {
    const problem = periodProblem(input.frequency, input.periodStart);
    if (problem) return RentRunInvalid.of([InputProblem.of('periodStart', problem)]);
    const [{ any }] = await this.transactions.query<{ any: boolean }>(
      `select exists (select 1 from hearth.rent_account where frequency = $1) as any`,
      [input.frequency],
    );
    if (!any) return NoRentAccounts.of(input.frequency);

    const { end } = periodOf(input.frequency, input.periodStart);
    const [row] = await this.transactions.query<RentRunRow>(
      `insert into hearth.rent_run (tenant_id, frequency, period_start, period_end, dry_run, started_by)
       values (hearth.current_tenant_id(), $1, $2, $3, $4, $5) returning ${RUN_COLUMNS}`,
      [input.frequency, input.periodStart, end, input.dryRun ?? false, actorLabel(hearthContext.require().actor)],
    );
    const run = toRun(row);
    const summary = { frequency: run.frequency, periodStart: run.periodStart, periodEnd: run.periodEnd, dryRun: run.dryRun };
    await this.audit.record({ operation: 'startRentRun', targetType: 'rent_run', targetId: run.id, after: summary });
    // Queued through the outbox: the job exists exactly when the run does, and never before it commits.
    await this.outbox.publish({ type: RentEvent.RunQueued, aggregateType: 'rent_run', aggregateId: run.id, payload: summary });
    return Object.assign(new RentRunStarted(), { run });
  }

  /**
   * Executes a queued run of the member `tenantId`, a chunk per transaction of its own. A run
   * found running was cut short (its worker died): its counts start again from nothing and every
   * chunk is posted again, which posts just the missing charges (charges this run posted before
   * count as posted by it, charges of other runs as already posted). A finished run is returned
   * as it is: BullMQ may deliver a job twice.
   */
  async execute(tenantId: string, runId: string, options: ExecuteOptions = {}): Promise<RentRun> {
    const inRun = <T>(fn: () => Promise<T>) => this.transactions.run({ actor: RUNS_ACTOR, tenantId }, fn);
    const begun = await inRun(async () => {
      const run = await this.find(runId);
      if (!run) throw new HearthError('NOT_FOUND', `There is no rent run ${runId}`);
      if (run.status === 'succeeded' || run.status === 'failed') return { run, period: undefined, chunks: [] };
      if (run.status === 'running') this.logger.warn(`rent run ${runId} was cut short; resuming it`);
      await this.transactions.query(
        `update hearth.rent_run set status = 'running', started_at = coalesce(started_at, now()),
           accounts = 0, charges_posted = 0, charges_already_posted = 0, total_pence = 0 where id = $1`,
        [runId],
      );
      const settings = await this.enablement.settings<RentSettings & Record<string, unknown>>('rent');
      return { run, period: postingPeriod(run, settings.rentFreeWeeks), chunks: await this.posting.chunkStarts(options.chunkAccounts ?? DEFAULT_CHUNK_ACCOUNTS) };
    });
    const { run, period, chunks } = begun;
    if (!period) return run;

    const progress: RunProgress = { chunksDone: 0, chunks: chunks.length, accounts: 0, chargesPosted: 0, chargesAlreadyPosted: 0 };
    for (const [i, from] of chunks.entries()) {
      const counts = await inRun(async () => {
        await this.lockMember();
        // No JIT: compiling a statement this size costs more than running it. No sequential scans:
        // the lookups of charges already posted must be probes of the one-charge index whatever the
        // statistics say; on a ledger the planner believes empty it would scan the heap once per
        // due charge, and the heap grows as the statement inserts, so the chunk would go quadratic.
        await this.transactions.query(
          `select set_config('statement_timeout', $1, true), set_config('jit', 'off', true), set_config('enable_seqscan', 'off', true)`,
          [String(CHUNK_STATEMENT_TIMEOUT_MS)],
        );
        const chunk = run.dryRun ? await this.posting.previewChunk(period, from, chunks[i + 1]) : await this.posting.postChunk(period, from, chunks[i + 1]);
        await this.addCounts(runId, chunk);
        return chunk;
      });
      progress.chunksDone += 1;
      progress.accounts += counts.accounts;
      progress.chargesPosted += counts.posted;
      progress.chargesAlreadyPosted += counts.alreadyPosted;
      await options.onProgress?.({ ...progress });
    }

    return inRun(async () => {
      await this.transactions.query(`update hearth.rent_run set status = 'succeeded', finished_at = now() where id = $1`, [runId]);
      const done = (await this.find(runId))!;
      if (!done.dryRun) {
        const summary = {
          runId, frequency: done.frequency, periodStart: done.periodStart, periodEnd: done.periodEnd, accounts: done.accounts,
          chargesPosted: done.chargesPosted, chargesAlreadyPosted: done.chargesAlreadyPosted, totalPence: done.totalPence,
        };
        await this.audit.record({ operation: 'rent.run', targetType: 'rent_run', targetId: runId, after: summary });
        await this.outbox.publish({ type: RentEvent.RunCompleted, aggregateType: 'rent_run', aggregateId: runId, payload: summary });
      }
      return done;
    });
  }

  /** Marks a run whose job gave up as failed. The chunks it committed stay posted: running the period again posts the rest. */
  async abandon(tenantId: string, runId: string, reason: string): Promise<void> {
    await this.transactions.run({ actor: RUNS_ACTOR, tenantId }, () =>
      this.transactions.query(
        `update hearth.rent_run set status = 'failed', finished_at = now(), error = $2 where id = $1 and status in ('queued', 'running')`,
        [runId, reason],
      ),
    );
  }

  /** What a dry run would post: the first `limit` charges of its period not yet in the ledger. */
  async sample(run: RentRun, limit: number): Promise<DueLine[]> {
    const settings = await this.enablement.settings<RentSettings & Record<string, unknown>>('rent');
    return this.posting.dueLines(postingPeriod(run, settings.rentFreeWeeks), limit);
  }

  async find(id: string): Promise<RentRun | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.transactions.query<RentRunRow>(`select ${RUN_COLUMNS} from hearth.rent_run where id = $1`, [id]);
    return row ? toRun(row) : null;
  }

  /** The member's runs, latest period first (then latest queued), paged by key on rent_run_by_period. */
  async list(args: PageArgs): Promise<ConnectionShape<RentRun>> {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const params: unknown[] = [first + 1];
    let after = '';
    if (args.after) {
      const [periodStart, queuedAt, id] = decodeCursor(args.after, 3);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(String(periodStart)) || Number.isNaN(Date.parse(String(queuedAt))) || !UUID.test(String(id))) {
        throw new HearthError('BAD_USER_INPUT', 'The "after" cursor is not one this API issued', { field: 'after' });
      }
      params.push(periodStart, queuedAt, id);
      after = 'and (period_start, queued_at, id) < ($2::date, $3::timestamptz, $4::uuid)';
    }
    const rows = await this.transactions.query<RentRunRow>(
      `select ${RUN_COLUMNS} from hearth.rent_run where tenant_id = hearth.current_tenant_id() ${after}
       order by period_start desc, queued_at desc, id desc limit $1`,
      params,
    );
    const [{ total }] = await this.transactions.query<{ total: number }>(`select count(*)::int as total from hearth.rent_run`);
    // The cursor carries PostgreSQL's own text for queued_at: a JS Date would drop the microseconds.
    const connection = toConnection(rows, args, total, (row) => [row.period_start, row.cursor_key, row.id]);
    return { ...connection, edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: toRun(edge.node) })) };
  }

  /**
   * One chunk at a time per member: two runs of the same period (or a job delivered twice) then
   * never meet inside a chunk, so each chunk's snapshot sees the other's charges and counts them
   * as already posted rather than losing them from both counts.
   */
  private async lockMember(): Promise<void> {
    await this.transactions.query(`select pg_advisory_xact_lock(hashtextextended('hearth.rent-runs:' || hearth.current_tenant_id(), 0))`);
  }

  private async addCounts(runId: string, counts: ChunkCounts): Promise<void> {
    await this.transactions.query(
      `update hearth.rent_run set accounts = accounts + $2, charges_posted = charges_posted + $3,
         charges_already_posted = charges_already_posted + $4, total_pence = total_pence + $5 where id = $1`,
      [runId, counts.accounts, counts.posted, counts.alreadyPosted, counts.postedPence],
    );
  }
}

/** Why a run of `frequency` cannot start on `day`, or undefined if it can. */
export function periodProblem(frequency: AccountFrequency, day: string): string | undefined {
  let period: { start: string };
  try {
    period = periodOf(frequency, day);
  } catch {
    return `periodStart must be a date written YYYY-MM-DD, not "${day}"`;
  }
  if (period.start === day) return undefined;
  return frequency === 'weekly'
    ? `periodStart must be a Monday (weekly periods run Monday to Sunday): ${longDay(day)} is a ${weekday(day)}; its week starts on ${longDay(period.start)}`
    : `periodStart must be the 1st of a month (monthly periods are calendar months): ${longDay(day)}'s month starts on ${longDay(period.start)}`;
}

function periodOf(frequency: AccountFrequency, day: string): { start: string; end: string } {
  return frequency === 'weekly' ? weeklyPeriod(day) : monthlyPeriod(day);
}

/** The run's period as the posting statements take it: its label, and the charge-week patterns it leaves uncharged. */
export function postingPeriod(run: Pick<RentRun, 'id' | 'frequency' | 'periodStart' | 'periodEnd' | 'startedBy'>, rentFreeWeeks: RentSettings['rentFreeWeeks']): PostingPeriod {
  const week = run.frequency === 'weekly' ? weeklyPeriod(run.periodStart).week : undefined;
  return {
    runId: run.id,
    frequency: run.frequency,
    start: run.periodStart,
    end: run.periodEnd,
    freeFor: week === undefined ? [] : CHARGE_WEEKS.filter((weeks) => isRentFreeWeek(week, weeks, rentFreeWeeks)),
    label: run.frequency === 'weekly' ? `w/c ${shortDay(run.periodStart)}` : monthName(run.periodStart),
    postedBy: run.startedBy,
  };
}

const format = (day: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
/** 6 Apr 2026 */
const shortDay = (day: string) => format(day, { day: 'numeric', month: 'short', year: 'numeric' }).replace('Sept', 'Sep');
/** April 2026 */
const monthName = (day: string) => format(day, { month: 'long', year: 'numeric' });
/** Tuesday 7 April 2026 */
const longDay = (day: string) => format(day, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).replace(',', '');
const weekday = (day: string) => format(day, { weekday: 'long' });

function toRun(row: RentRunRow): RentRun {
  return Object.assign(new RentRun(), {
    id: row.id,
    frequency: row.frequency,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    dryRun: row.dry_run,
    status: row.status,
    accounts: row.accounts,
    chargesPosted: row.charges_posted,
    chargesAlreadyPosted: row.charges_already_posted,
    totalPence: row.total_pence === null ? null : Number(row.total_pence),
    error: row.error,
    startedBy: row.started_by,
    queuedAt: row.queued_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  });
}
