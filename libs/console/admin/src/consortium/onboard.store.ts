import { inject, Injectable, signal } from '@angular/core';
import { ApiError, asApiError, HearthApi, type MemberManifestInput } from '@hearth/console-core';
import { ConsortiumOnboardDocument } from '../graphql.generated';
import { manifestOutcome, type ManifestOutcome } from './manifest-outcome';

/** Onboarding a member: a dry run that shows the plan, then the same manifest applied. */
@Injectable()
export class OnboardStore {
  private readonly api = inject(HearthApi);

  readonly outcome = signal<ManifestOutcome | null>(null);
  readonly busy = signal(false);
  readonly error = signal<ApiError | null>(null);
  /** The manifest the last clean dry run checked: only that one may be applied. */
  readonly checked = signal<string | null>(null);

  check(input: MemberManifestInput): Promise<void> {
    return this.run(input, true);
  }

  apply(input: MemberManifestInput): Promise<void> {
    return this.run(input, false);
  }

  isChecked(input: MemberManifestInput): boolean {
    return this.checked() === JSON.stringify(input);
  }

  private async run(input: MemberManifestInput, dryRun: boolean): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      const { applyMemberManifest } = await this.api.mutate(ConsortiumOnboardDocument, { input, dryRun });
      const outcome = manifestOutcome(applyMemberManifest);
      this.outcome.set(outcome);
      this.checked.set(dryRun && outcome.kind === 'applied' ? JSON.stringify(input) : null);
    } catch (error) {
      this.error.set(asApiError(error));
    } finally {
      this.busy.set(false);
    }
  }
}
