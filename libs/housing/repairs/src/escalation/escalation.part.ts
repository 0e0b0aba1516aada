import type { ModulePart } from '@hearth/platform-kernel';
import { EscalationTask } from './escalation.task';

/** What this area adds to the repairs module. */
export const escalationPart: ModulePart = {
  providers: [EscalationTask],
};
