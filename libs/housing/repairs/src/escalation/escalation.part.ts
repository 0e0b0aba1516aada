import type { RepairsPart } from '../repairs.part';
import { EscalationTask } from './escalation.task';

/** What this part adds to the repairs module (see repairs.part.ts). */
export const escalationPart: RepairsPart = {
  providers: [EscalationTask],
};
