import { inject, Injectable, signal } from '@angular/core';
import { ApiError, asApiError, HearthApi, type ReportRepairInput, type Trade } from '@hearth/console-core';
import {
  RepairDetailTriageDocument, RepairNewAssetSearchDocument, RepairNewReportDocument, RepairsPrioritiesDocument,
  type RepairNewAssetSearchQuery, type RepairsPriorityFragment,
} from '../graphql.generated';

/** The API refuses shorter search text (searchAssets). */
export const MIN_SEARCH_LENGTH = 3;

export type FoundAsset = RepairNewAssetSearchQuery['searchAssets'][number];

export type ReportOutcome =
  | { kind: 'reported'; id: string }
  | { kind: 'problems'; fields: { field: string; message: string }[]; message: string };

/** Reporting a repair: finding the home, the report, and its triage when the priority and trade are given. */
@Injectable()
export class RepairNewStore {
  private readonly api = inject(HearthApi);
  private latestSearch = 0;

  readonly priorities = signal<RepairsPriorityFragment[]>([]);
  readonly results = signal<FoundAsset[] | null>(null);
  readonly searching = signal(false);
  readonly saving = signal(false);
  readonly error = signal<ApiError | null>(null);

  async loadPriorities(): Promise<void> {
    try {
      this.priorities.set((await this.api.query(RepairsPrioritiesDocument, {})).data.repairPriorities);
    } catch (error) {
      this.error.set(asApiError(error));
    }
  }

  async search(text: string): Promise<void> {
    const search = ++this.latestSearch;
    if (text.trim().length < MIN_SEARCH_LENGTH) return;
    this.searching.set(true);
    try {
      const { data } = await this.api.query(RepairNewAssetSearchDocument, { text: text.trim() });
      if (search === this.latestSearch) this.results.set(data.searchAssets);
    } catch (error) {
      if (search === this.latestSearch) this.error.set(asApiError(error));
    } finally {
      if (search === this.latestSearch) this.searching.set(false);
    }
  }

  /**
   * Reports the repair, then triages it when a priority and trade were given. Either way the
   * planner goes on to the repair: a refused triage leaves it reported, with its triage form there.
   */
  async report(input: ReportRepairInput, triage: { priority: string; trade: Trade } | null): Promise<ReportOutcome | null> {
    this.saving.set(true);
    this.error.set(null);
    try {
      const { reportRepair: result } = await this.api.mutate(RepairNewReportDocument, { input });
      if (result.__typename === 'RepairInvalid') return { kind: 'problems', fields: result.problems, message: result.message };
      if (result.__typename === 'AssetNotFound') return { kind: 'problems', fields: [{ field: 'assetId', message: result.message }], message: result.message };
      if (triage) await this.api.mutate(RepairDetailTriageDocument, { input: { repairId: result.id, ...triage } });
      return { kind: 'reported', id: result.id };
    } catch (error) {
      this.error.set(asApiError(error));
      return null;
    } finally {
      this.saving.set(false);
    }
  }
}
