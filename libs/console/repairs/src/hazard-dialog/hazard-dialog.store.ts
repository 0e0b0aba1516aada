import { inject, Injectable, signal } from '@angular/core';
import { ApiError, asApiError, type HazardClockKind, HearthApi } from '@hearth/console-core';
import {
  HazardCaseAssetRepairsDocument, HazardCaseCloseDocument, HazardCaseInvestigateDocument, HazardCaseLinkRepairDocument, HazardCaseMilestoneDocument,
  HazardCaseOfferAccommodationDocument, type HazardCaseFieldsFragment,
} from '../graphql.generated';

export type HazardAction = 'investigate' | 'milestone' | 'link' | 'accommodation' | 'close';

export interface HazardForm {
  at: string;
  findings: string;
  safetyWorkNeeded: boolean;
  preventativeWorkNeeded: boolean;
  clock: HazardClockKind | null;
  repairId: string;
  note: string;
  accepted: 'yes' | 'no' | 'unknown';
  reason: string;
  force: boolean;
}

export type HazardOutcome =
  | { kind: 'done'; hazard: HazardCaseFieldsFragment }
  | { kind: 'problems'; fields: { field: string; message: string }[]; message: string; running: HazardClockKind[] };

/** The unions of the hazard mutations, as far as the dialog reads them. */
type HazardResult =
  | ({ __typename: 'HazardCase' } & HazardCaseFieldsFragment)
  | { __typename: string; code?: string; message?: string; problems?: { field: string; message: string }[]; running?: { clock: HazardClockKind }[] };

const instant = (local: string) => new Date(local).toISOString();

/** One action on a hazard case: the repairs it could link, and the mutation with its typed answer. */
@Injectable()
export class HazardDialogStore {
  private readonly api = inject(HearthApi);
  readonly repairs = signal<{ id: string; number: number; description: string }[]>([]);
  readonly repairsLoaded = signal(false);
  readonly saving = signal(false);
  readonly error = signal<ApiError | null>(null);

  /** Repairs on the case's home that no case has yet, and that still matter. */
  async loadRepairs(assetId: string): Promise<void> {
    try {
      const { data } = await this.api.query(HazardCaseAssetRepairsDocument, { assetId });
      this.repairs.set(data.repairs.edges.map((edge) => edge.node).filter((repair) => !repair.hazardCaseId && repair.status !== 'CANCELLED'));
    } catch (error) {
      this.error.set(asApiError(error));
    } finally {
      this.repairsLoaded.set(true);
    }
  }

  async run(action: HazardAction, caseId: string, form: HazardForm): Promise<HazardOutcome | null> {
    this.saving.set(true);
    this.error.set(null);
    try {
      return outcomeOf(await this.mutate(action, caseId, form));
    } catch (error) {
      this.error.set(asApiError(error));
      return null;
    } finally {
      this.saving.set(false);
    }
  }

  private async mutate(action: HazardAction, caseId: string, form: HazardForm): Promise<HazardResult> {
    switch (action) {
      case 'investigate':
        return (await this.api.mutate(HazardCaseInvestigateDocument, {
          input: { caseId, investigatedAt: instant(form.at), findings: form.findings, safetyWorkNeeded: form.safetyWorkNeeded, preventativeWorkNeeded: form.preventativeWorkNeeded },
        })).recordHazardInvestigation;
      case 'milestone':
        return (await this.api.mutate(HazardCaseMilestoneDocument, { input: { caseId, clock: form.clock!, at: instant(form.at) } })).recordHazardMilestone;
      case 'link':
        return (await this.api.mutate(HazardCaseLinkRepairDocument, { input: { caseId, repairId: form.repairId } })).linkRepairToHazard;
      case 'accommodation':
        return (await this.api.mutate(HazardCaseOfferAccommodationDocument, {
          input: { caseId, offeredAt: instant(form.at), note: form.note, accepted: form.accepted === 'unknown' ? undefined : form.accepted === 'yes' },
        })).offerAlternativeAccommodation;
      case 'close':
        return (await this.api.mutate(HazardCaseCloseDocument, { input: { caseId, reason: form.reason, force: form.force } })).closeHazardCase;
    }
  }
}

function outcomeOf(result: HazardResult): HazardOutcome {
  if (result.__typename === 'HazardCase') return { kind: 'done', hazard: result as HazardCaseFieldsFragment };
  const failure = result as Exclude<HazardResult, { __typename: 'HazardCase' }>;
  return { kind: 'problems', fields: failure.problems ?? [], message: failure.message ?? '', running: (failure.running ?? []).map((clock) => clock.clock) };
}
