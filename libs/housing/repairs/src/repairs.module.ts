import { fromParts, HearthModule } from '@hearth/platform-kernel';
import { CalendarModule } from '@hearth/platform-calendar';
import { ImportsModule } from '@hearth/platform-imports';
import { Repairs1763900500000 } from './migrations/1763900500000-repairs';
import { repairsEvents, repairsPermissions } from './repairs.permissions';
import { checkRepairsSettings, repairsSettingsSchema } from './repairs.settings';
import { repairsPart } from './repairs/repairs.part';
import { contractorsPart } from './contractors/contractors.part';
import { hazardsPart } from './hazards/hazards.part';
import { escalationPart } from './escalation/escalation.part';
import { measuresPart } from './measures/measures.part';
import { hactPart } from './hact/hact.part';
import { dashboardPart } from './dashboard/dashboard.part';
import { ESCALATION_EVERY_MS, EscalationTask } from './escalation/escalation.task';
import { RepairPrioritiesKind } from './shareable/repair-priorities.kind';
import { SorSetKind } from './shareable/sor-set.kind';


/**
 * Repairs and work orders on the member's working-day calendar, and hazard cases with their
 * Awaab's Law clocks. Reads the assets it depends on (ADR 9); attachments go through the
 * platform's file store.
 */
@HearthModule({
  key: 'repairs',
  name: 'Repairs',
  description: "Repairs, work orders and contractors, with targets on the working-day calendar, and damp, mould and other hazards with their Awaab's Law clocks.",
  version: '1.0.0',
  dependsOn: ['assets'],
  imports: [CalendarModule, ImportsModule],
  // Each area declares what it adds in its own <area>.part.ts.
  ...fromParts([repairsPart, contractorsPart, hazardsPart, escalationPart, measuresPart, hactPart, dashboardPart]),
  migrations: [Repairs1763900500000],
  permissions: repairsPermissions,
  settings: repairsSettingsSchema,
  checkSettings: checkRepairsSettings,
  // Shared through the shared configuration library; the SOR set is applied through this module's SOR import.
  configurationKinds: [RepairPrioritiesKind, SorSetKind],
  events: { emits: repairsEvents },
  schedules: [
    {
      key: 'escalation',
      description: 'Warns of work orders nearing and passing their targets and finds missed hazard clocks, once each.',
      every: ESCALATION_EVERY_MS,
      task: EscalationTask,
    },
  ],
  console: {
    routes: [
      { path: 'repairs', title: { en: 'Repairs', cy: 'Atgyweiriadau' }, roles: repairsPermissions.read.roles },
      { path: 'repairs/hazards', title: { en: 'Hazards', cy: 'Peryglon' }, roles: repairsPermissions.read.roles },
    ],
  },
})
export class RepairsModule {}
