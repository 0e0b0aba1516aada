import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '@hearth/platform-core';
import { systemActor, TenantEntity, TransactionManager } from '@hearth/platform-database';
import { ModuleEnablement } from '@hearth/platform-kernel';
import { NoticeService } from '@hearth/housing-noticeboard';
import { ImportService } from '@hearth/platform-imports';
import { withPlatform } from '../cli-context';

const DEMO_NOTICES = [
  { title: 'Welcome to Hearth', body: 'This is the demo noticeboard. Post notices for your colleagues here; they come down when they expire.' },
  { title: 'Office closed on bank holidays', body: 'Emergency repairs are still taken by the out-of-hours line.' },
];

/**
 * The sample files of docs/imports, each imported for a member with its module on, in the order
 * they depend on one another. They describe an English member (tenures, postcodes).
 */
const DEMO_IMPORTS = [
  { module: 'assets', kind: 'assets', file: 'assets.csv' },
  { module: 'tenancies', kind: 'people', file: 'people.csv' },
  { module: 'tenancies', kind: 'tenancies', file: 'tenancies.csv' },
  { module: 'repairs', kind: 'sor-codes', file: 'sor-codes.csv' },
];
const SAMPLES = join(__dirname, '../../../../docs/imports');

/** Demo data for members that have applied their manifests. Safe to run again: nothing is added twice. */
export async function seedDemo(): Promise<string[]> {
  return withPlatform(loadConfig(), async (app) => {
    const transactions = app.get(TransactionManager);
    const members = await transactions.run({ actor: systemActor('demo:seed') }, async () =>
      (await transactions.repository(TenantEntity)).find({ order: { slug: 'ASC' } }),
    );
    const done: string[] = [];
    for (const member of members) {
      const work = { actor: systemActor('demo:seed'), tenantId: member.id };
      const enabled = await transactions.run(work, () => app.get(ModuleEnablement).enabledKeys());
      // One import per unit of work; imports are idempotent, so a second run finds every row unchanged.
      for (const sample of DEMO_IMPORTS.filter((i) => member.country === 'england' && enabled.has(i.module))) {
        const outcome = await transactions.run(work, () => app.get(ImportService).import(sample.kind, () => createReadStream(join(SAMPLES, sample.file))));
        if (outcome.status !== 'succeeded') throw new Error(`The demo's ${sample.file} was refused: ${JSON.stringify(outcome.problems.slice(0, 3))}`);
        if (outcome.counts.inserted) done.push(`${member.slug}: ${sample.kind} from docs/imports/${sample.file} (${outcome.counts.inserted} new)`);
      }
      await transactions.run(work, async () => {
        if (!enabled.has('noticeboard')) return;
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
