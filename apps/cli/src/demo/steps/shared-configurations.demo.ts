import { TransactionManager } from '@hearth/platform-database';
import { SharedConfiguration, SharedConfigurationModuleOff, SharedConfigurationService, type SharedConfigurationPublishInput } from '@hearth/collaboration-shared-configurations';
import type { DemoStep } from '../demo-step';

/** What a member with repairs and rent shares with the others, by title. */
const PUBLICATIONS: SharedConfigurationPublishInput[] = [
  {
    kind: 'repair-priorities',
    title: 'Repairs priorities and targets',
    description:
      'Our four priorities: emergencies made safe within 24 hours, urgent repairs in 5 working days, routine in 20 and planned work in 60. ' +
      'Open work orders are flagged a day before their target. Matches the HACT work priorities our contractors use.',
    version: '1.0',
  },
  {
    kind: 'sor-set',
    title: 'Schedule of rates for everyday repairs',
    description: 'The SOR codes we raise most often, across plumbing, heating, electrics, carpentry, roofing and damp, with the prices we agreed for 2026.',
    version: '2.1',
  },
  {
    kind: 'letter-template',
    subject: 'reminder',
    title: 'Friendly first arrears reminder',
    description: 'A short, supportive first letter in English and Welsh that offers help before anything else. Tenants told us it reads as a reminder, not a threat.',
    version: '1.0',
  },
  {
    kind: 'arrears-stage-plan',
    title: 'Three-stage arrears recovery',
    description: 'A reminder at one week of arrears, an income officer calling at four weeks to agree an arrangement and check benefits, and a review before any notice at eight.',
    version: '1.0',
  },
];

/**
 * The shared library as a member would find it: a member with repairs and rent has published its
 * priorities, schedule of rates, first reminder and recovery plan. Only English members publish,
 * as only they get the repairs demo's schedule of rates; kinds whose module a member has off are
 * passed over; a title already published is not published again.
 */
export const sharedConfigurationsDemo: DemoStep = {
  name: 'shared configurations',
  modules: ['shared-configurations'],
  async run(app, member) {
    if (member.country !== 'england') return [];
    const published = await app.get(TransactionManager).query<{ title: string }>(
      `select title from hearth.shared_configuration where organisation_id = hearth.current_tenant_id()`,
    );
    const added: string[] = [];
    for (const publication of PUBLICATIONS.filter((p) => !published.some((row) => row.title === p.title))) {
      const result = await app.get(SharedConfigurationService).publish(publication);
      if (result instanceof SharedConfigurationModuleOff) continue;
      if (!(result instanceof SharedConfiguration)) throw new Error(`The shared configurations demo could not publish "${publication.title}": ${JSON.stringify(result)}`);
      added.push(`shared configuration "${publication.title}" v${publication.version}`);
    }
    return added;
  },
};
