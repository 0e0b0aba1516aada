import type { Command } from 'commander';
import { loadConfig } from '@hearth/platform-core';
import { systemActor, TenantEntity, TransactionManager } from '@hearth/platform-database';
import { ModuleEnablement } from '@hearth/platform-kernel';
import { NoticeService } from '@hearth/housing-noticeboard';
import { withPlatform } from '../cli-context';

const DEMO_NOTICES = [
  { title: 'Welcome to Hearth', body: 'This is the demo noticeboard. Post notices for your colleagues here; they come down when they expire.' },
  { title: 'Office closed on bank holidays', body: 'Emergency repairs are still taken by the out-of-hours line.' },
];

/** Demo data for members that have applied their manifests. Safe to run again: nothing is added twice. */
export async function seedDemo(): Promise<string[]> {
  return withPlatform(loadConfig(), async (app) => {
    const transactions = app.get(TransactionManager);
    const members = await transactions.run({ actor: systemActor('demo:seed') }, async () =>
      (await transactions.repository(TenantEntity)).find({ order: { slug: 'ASC' } }),
    );
    const done: string[] = [];
    for (const member of members) {
      await transactions.run({ actor: systemActor('demo:seed'), tenantId: member.id }, async () => {
        if (!(await app.get(ModuleEnablement).enabledKeys()).has('noticeboard')) return;
        const existing = await transactions.query<{ title: string }>(`select title from hearth.notice`);
        for (const notice of DEMO_NOTICES.filter((n) => !existing.some((e) => e.title === n.title))) {
          await app.get(NoticeService).post(notice);
          done.push(`${member.slug}: notice "${notice.title}"`);
        }
      });
    }
    return done;
  });
}

export function registerDemoCommands(program: Command): void {
  program
    .command('demo:seed')
    .description('Add demo data for the members in the database (idempotent)')
    .action(async () => {
      const done = await seedDemo();
      console.log(done.length ? done.map((d) => `✔ ${d}`).join('\n') : '✔ demo data already in place');
    });
}
