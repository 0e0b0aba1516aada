import { inject, Injectable, signal } from '@angular/core';
import { ApiError, asApiError, HearthApi, type Trade } from '@hearth/console-core';
import {
  RepairDetailCancelDocument, RepairDetailDocument, RepairDetailTriageDocument, RepairsPrioritiesDocument,
  type RepairDetailFieldsFragment, type RepairDetailOutcomeFragment, type RepairsPriorityFragment,
} from '../graphql.generated';

export type RepairChange = { kind: 'done' } | { kind: 'problems'; fields: { field: string; message: string }[]; message: string };

/** A repair's page: the repair with its work orders, its triage and its cancellation. */
@Injectable()
export class RepairDetailStore {
  private readonly api = inject(HearthApi);
  private id = '';

  readonly repair = signal<RepairDetailFieldsFragment | null>(null);
  readonly priorities = signal<RepairsPriorityFragment[]>([]);
  readonly loading = signal(false);
  readonly loaded = signal(false);
  readonly saving = signal(false);
  readonly error = signal<ApiError | null>(null);

  async load(id: string): Promise<void> {
    this.id = id;
    this.loading.set(true);
    try {
      const [{ data }, priorities] = await Promise.all([
        this.api.query(RepairDetailDocument, { id }),
        this.api.query(RepairsPrioritiesDocument, {}).catch(() => ({ data: { repairPriorities: [] } })),
      ]);
      this.repair.set(data.repair);
      this.priorities.set(priorities.data.repairPriorities);
      this.error.set(null);
    } catch (error) {
      this.error.set(asApiError(error));
    } finally {
      this.loading.set(false);
      this.loaded.set(true);
    }
  }

  /** After a work order moved: the repair again, since the move may change its other figures. */
  reload(): Promise<void> {
    return this.load(this.id);
  }

  triage(priority: string, trade: Trade): Promise<RepairChange | null> {
    return this.change(async () => (await this.api.mutate(RepairDetailTriageDocument, { input: { repairId: this.id, priority, trade } })).triageRepair);
  }

  cancel(reason: string): Promise<RepairChange | null> {
    return this.change(async () => (await this.api.mutate(RepairDetailCancelDocument, { input: { id: this.id, reason } })).cancelRepair);
  }

  private async change(mutation: () => Promise<RepairDetailOutcomeFragment>): Promise<RepairChange | null> {
    this.saving.set(true);
    this.error.set(null);
    try {
      const result = await mutation();
      if (result.__typename === 'Repair') {
        this.repair.set(result);
        return { kind: 'done' };
      }
      return { kind: 'problems', fields: result.__typename === 'RepairInvalid' ? result.problems : [], message: result.message };
    } catch (error) {
      this.error.set(asApiError(error));
      return null;
    } finally {
      this.saving.set(false);
    }
  }
}
