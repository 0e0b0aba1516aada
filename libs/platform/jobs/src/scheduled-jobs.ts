import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { HEARTH_CONFIG, type HearthConfig } from '@hearth/platform-core';
import { systemActor, TransactionManager } from '@hearth/platform-database';
import { ModuleEnablement, ModuleRegistry, type HearthModuleDefinition, type ModuleSchedule } from '@hearth/platform-kernel';
import { KEEP_FAILED, type TenantJobData } from './queues';
import { connectRedis, REDIS } from './redis-connection';

/** Queue of modules' timed work: one job scheduler per (module schedule, member with the module on). */
export const SCHEDULES_QUEUE = 'hearth-schedules';
/** The job that keeps the schedulers in line with who has which module on. */
export const SYNC_SCHEDULES_JOB = 'hearth.sync-schedules';
/** Members onboarded, or modules switched on or off, are picked up within this long. */
export const SYNC_EVERY_MS = 5 * 60_000;

/** A scheduled run's job id: the module's schedule for one member, e.g. `repairs.escalation:<tenant id>`. */
export const schedulerId = (jobName: string, tenantId: string) => `${jobName}:${tenantId}`;
const jobNameOf = (definition: HearthModuleDefinition, schedule: ModuleSchedule) => `${definition.key}.${schedule.key}`;

interface Wanted {
  name: string;
  every: number;
  tenantId: string;
}

export type ScheduledRunOutcome = { ran: true; result: unknown } | { ran: false; reason: string };

/**
 * Runs modules' `schedules` for each member that has the module on. BullMQ's job schedulers
 * (one per module schedule and member) fire the runs, so however many workers there are each
 * run happens once; `sync` adds the schedulers members now need and removes the ones they no
 * longer do, at start and every five minutes. A run checks again that the module is still on,
 * so a member who switched it off between syncs is not worked on.
 */
@Injectable()
export class ScheduledJobs implements OnApplicationShutdown {
  private readonly logger = new Logger(ScheduledJobs.name);
  private readonly queue: Queue<TenantJobData>;
  private worker?: Worker<TenantJobData>;
  private connection?: Redis;

  constructor(
    private readonly transactions: TransactionManager,
    private readonly registry: ModuleRegistry,
    private readonly enablement: ModuleEnablement,
    private readonly moduleRef: ModuleRef,
    @Inject(REDIS) redis: Redis,
    @Inject(HEARTH_CONFIG) private readonly config: HearthConfig,
  ) {
    this.queue = new Queue<TenantJobData>(SCHEDULES_QUEUE, { connection: redis, prefix: config.redis.prefix });
  }

  /** Syncs the schedulers, keeps them synced, and starts running jobs. */
  async start(concurrency = 4): Promise<void> {
    await this.sync();
    await this.queue.upsertJobScheduler(SYNC_SCHEDULES_JOB, { every: SYNC_EVERY_MS }, {
      name: SYNC_SCHEDULES_JOB,
      data: { tenantId: '', ids: [] },
      opts: { removeOnComplete: { count: 100 }, removeOnFail: KEEP_FAILED },
    });
    this.connection = connectRedis(this.config.redis.url, 'hearth-schedules-worker');
    this.worker = new Worker<TenantJobData>(SCHEDULES_QUEUE, (job) => this.process(job), {
      connection: this.connection,
      prefix: this.config.redis.prefix,
      concurrency,
    });
    this.worker.on('failed', (job, error) => this.logger.warn(`scheduled ${job?.name} for ${job?.data.tenantId} failed: ${error.message}`));
  }

  /**
   * Makes the queue's schedulers exactly those wanted: one per module schedule for each active
   * member with that module on. Returns what it changed.
   */
  async sync(): Promise<{ added: string[]; removed: string[] }> {
    const wanted = await this.wanted();
    const existing = new Map((await this.queue.getJobSchedulers(0, -1)).map((scheduler) => [scheduler.key, scheduler]));
    const added: string[] = [];
    for (const [id, want] of wanted) {
      const have = existing.get(id);
      // Upserting an unchanged scheduler would only move its next run; leave it be.
      if (have && have.name === want.name && Number(have.every) === want.every) continue;
      await this.queue.upsertJobScheduler(id, { every: want.every }, {
        name: want.name,
        data: { tenantId: want.tenantId, ids: [] },
        opts: { removeOnComplete: { count: 1_000 }, removeOnFail: KEEP_FAILED },
      });
      added.push(id);
    }
    const removed: string[] = [];
    for (const id of existing.keys()) {
      if (id === SYNC_SCHEDULES_JOB || wanted.has(id)) continue;
      await this.queue.removeJobScheduler(id);
      removed.push(id);
    }
    if (added.length || removed.length) this.logger.log(`schedules synced: ${added.length} added, ${removed.length} removed`);
    return { added, removed };
  }

  /** Runs one job: the sync, or a module's task for a member. */
  async process(job: Job<TenantJobData>): Promise<unknown> {
    if (job.name === SYNC_SCHEDULES_JOB) return this.sync();
    return this.runScheduled(job.name, job.data.tenantId);
  }

  /** Runs `<module key>.<schedule key>` for a member in its own unit of work, if the module is still on for it. */
  async runScheduled(jobName: string, tenantId: string): Promise<ScheduledRunOutcome> {
    const found = this.schedules().find(({ definition, schedule }) => jobNameOf(definition, schedule) === jobName);
    if (!found) return { ran: false, reason: `no module declares the schedule ${jobName}` };
    return this.transactions.run({ actor: systemActor(`schedule:${jobName}`), tenantId }, async () => {
      if (!(await this.enablement.enabledKeys()).has(found.definition.key)) {
        return { ran: false, reason: `the ${found.definition.key} module is off for this member` };
      }
      const task = this.moduleRef.get(found.schedule.task, { strict: false });
      return { ran: true, result: await task.run() };
    });
  }

  /** Job schedulers currently in the queue, by id (for tests and operators). */
  async schedulers(): Promise<Map<string, { name: string; every: number }>> {
    const all = await this.queue.getJobSchedulers(0, -1);
    return new Map(all.map((scheduler) => [scheduler.key, { name: scheduler.name, every: Number(scheduler.every) }]));
  }

  private schedules(): { definition: HearthModuleDefinition; schedule: ModuleSchedule }[] {
    return this.registry.all().flatMap((definition) => (definition.schedules ?? []).map((schedule) => ({ definition, schedule })));
  }

  /**
   * Every member's enabled modules. Module enablement is member data behind row-level security,
   * so each member is read with its own binding, all in one read-only unit of work.
   */
  private async wanted(): Promise<Map<string, Wanted>> {
    const schedules = this.schedules();
    const wanted = new Map<string, Wanted>();
    if (!schedules.length) return wanted;
    await this.transactions.run({ actor: systemActor('schedules-sync') }, async () => {
      const members = await this.transactions.query<{ id: string }>(`select id from hearth.tenant where status = 'active' order by id`);
      for (const { id: tenantId } of members) {
        const enabled = await this.transactions.withTenant(tenantId, () =>
          this.transactions.query<{ module_key: string }>(`select module_key from hearth.tenant_module where enabled`),
        );
        const on = new Set(enabled.map((row) => row.module_key));
        for (const { definition, schedule } of schedules) {
          if (!definition.core && !on.has(definition.key)) continue;
          const name = jobNameOf(definition, schedule);
          wanted.set(schedulerId(name, tenantId), { name, every: schedule.every, tenantId });
        }
      }
    });
    return wanted;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.connection?.quit();
    await this.queue.close();
  }
}
