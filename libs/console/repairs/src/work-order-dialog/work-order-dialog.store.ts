import { inject, Injectable, signal } from '@angular/core';
import { asApiError, HearthApi, type Trade } from '@hearth/console-core';
import {
  RepairsAssignWorkOrderDocument, RepairsCancelWorkOrderDocument, RepairsCompleteWorkOrderDocument, RepairsContractorsDocument,
  RepairsHoldWorkOrderDocument, RepairsInspectWorkOrderDocument, RepairsResumeWorkOrderDocument, RepairsScheduleWorkOrderDocument,
  RepairsStartWorkOrderDocument, type RepairsWorkOrderDetailFragment, type RepairsWorkOrderOutcomeFragment,
} from '../graphql.generated';
import type { WorkOrderAction } from '../repairs.text';
import type { ApiError, AppointmentSlot } from '@hearth/console-core';

/** What the dialog's form holds; each action reads the fields it needs. */
export interface ActionForm {
  assignTo: string;
  day: string;
  slot: AppointmentSlot;
  reason: string;
  notes: string;
  at: string;
}

export const IN_HOUSE = 'in-house';

/** The answer of a work order mutation, as the dialog shows it. */
export type ActionOutcome =
  | { kind: 'done'; workOrder: RepairsWorkOrderDetailFragment }
  | { kind: 'problems'; fields: { field: string; message: string }[]; message: string }
  | { kind: 'refused'; to: string; allowed: string[]; message: string };

/** A local time from a datetime-local input, as the instant the API takes; empty means "now" (left out). */
function instant(local: string): string | undefined {
  return local ? new Date(local).toISOString() : undefined;
}

/** One work order action: the contractors to choose from, and the mutation with its typed answer. */
@Injectable()
export class WorkOrderDialogStore {
  private readonly api = inject(HearthApi);
  readonly contractors = signal<{ id: string; name: string }[]>([]);
  readonly contractorsLoaded = signal(false);
  readonly saving = signal(false);
  readonly error = signal<ApiError | null>(null);

  async loadContractors(trade: Trade): Promise<void> {
    try {
      const { data } = await this.api.query(RepairsContractorsDocument, { trade });
      this.contractors.set(data.contractors.edges.map((edge) => edge.node));
    } catch (error) {
      this.error.set(asApiError(error));
    } finally {
      this.contractorsLoaded.set(true);
    }
  }

  async run(action: WorkOrderAction, id: string, form: ActionForm): Promise<ActionOutcome | null> {
    this.saving.set(true);
    this.error.set(null);
    try {
      return outcomeOf(await this.mutate(action, id, form));
    } catch (error) {
      this.error.set(asApiError(error));
      return null;
    } finally {
      this.saving.set(false);
    }
  }

  private async mutate(action: WorkOrderAction, id: string, form: ActionForm): Promise<RepairsWorkOrderOutcomeFragment> {
    switch (action) {
      case 'assign': {
        const input = form.assignTo === IN_HOUSE ? { id, inHouse: true } : { id, contractorId: form.assignTo };
        return (await this.api.mutate(RepairsAssignWorkOrderDocument, { input })).assignWorkOrder;
      }
      case 'schedule':
        return (await this.api.mutate(RepairsScheduleWorkOrderDocument, { input: { id, day: form.day, slot: form.slot } })).scheduleWorkOrder;
      case 'start':
        return (await this.api.mutate(RepairsStartWorkOrderDocument, { id })).startWorkOrder;
      case 'hold':
        return (await this.api.mutate(RepairsHoldWorkOrderDocument, { input: { id, reason: form.reason } })).holdWorkOrder;
      case 'resume':
        return (await this.api.mutate(RepairsResumeWorkOrderDocument, { input: { id, to: 'IN_PROGRESS' } })).resumeWorkOrder;
      case 'complete':
        return (await this.api.mutate(RepairsCompleteWorkOrderDocument, { input: { id, notes: form.notes, completedAt: instant(form.at) } })).completeWorkOrder;
      case 'inspect':
        return (await this.api.mutate(RepairsInspectWorkOrderDocument, { input: { id, at: instant(form.at) } })).inspectWorkOrder;
      case 'cancel':
        return (await this.api.mutate(RepairsCancelWorkOrderDocument, { input: { id, reason: form.reason } })).cancelWorkOrder;
    }
  }
}

function outcomeOf(result: RepairsWorkOrderOutcomeFragment): ActionOutcome {
  switch (result.__typename) {
    case 'WorkOrder':
      return { kind: 'done', workOrder: result };
    case 'WorkOrderInvalid':
      return { kind: 'problems', fields: result.problems, message: result.message };
    case 'TransitionRefused':
      return { kind: 'refused', to: result.to, allowed: result.allowed, message: result.message };
    default:
      return { kind: 'problems', fields: [], message: result.message };
  }
}
