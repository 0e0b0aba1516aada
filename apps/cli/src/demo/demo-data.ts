import type { INestApplicationContext } from '@nestjs/common';
import { systemActor, TenantEntity, TransactionManager } from '@hearth/platform-database';
import { ModuleEnablement } from '@hearth/platform-kernel';
import type { DemoStep } from './demo-step';
import { noticeboardDemo } from './steps/noticeboard.demo';
import { registerDemo } from './steps/register.demo';
import { welshRegisterDemo } from './steps/welsh-register.demo';
import { repairsDemo } from './steps/repairs.demo';
import { rentDemo } from './steps/rent.demo';
import { sharedConfigurationsDemo } from './steps/shared-configurations.demo';
import { unconferencesDemo } from './steps/unconferences.demo';
import { spacesDemo } from './steps/spaces.demo';

/** In the order they depend on one another: the register before the repairs and rent on it. */
export const DEMO_STEPS: readonly DemoStep[] = [...registerDemo, ...welshRegisterDemo, repairsDemo, noticeboardDemo, rentDemo, spacesDemo, sharedConfigurationsDemo, unconferencesDemo];

/**
 * Demo data for every member that has applied its manifest, step by step, each step in a unit
 * of work of its own for one member. Safe to run again: nothing is added twice.
 */
export async function seedDemoData(app: INestApplicationContext, steps: readonly DemoStep[] = DEMO_STEPS): Promise<string[]> {
  const transactions = app.get(TransactionManager);
  const actor = systemActor('demo:seed');
  const members = await transactions.run({ actor }, async () => (await transactions.repository(TenantEntity)).find({ order: { slug: 'ASC' } }));
  const done: string[] = [];
  for (const member of members) {
    const work = { actor, tenantId: member.id };
    const enabled = await transactions.run(work, () => app.get(ModuleEnablement).enabledKeys());
    for (const step of steps.filter((s) => s.modules.every((key) => enabled.has(key)))) {
      const added = await transactions.run(work, () => step.run(app, member));
      done.push(...added.map((line) => `${member.slug}: ${line}`));
    }
  }
  return done;
}
