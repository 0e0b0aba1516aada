import { inject, Injectable, signal } from '@angular/core';
import { ApiError, asApiError, HearthApi } from '@hearth/console-core';
import { ConsortiumMemberDetailDocument, ConsortiumSetModuleDocument, type ConsortiumMemberDetailQuery } from '../graphql.generated';
import { manifestOutcome, type ManifestProblem } from './manifest-outcome';

export type MemberDetail = NonNullable<ConsortiumMemberDetailQuery['member']>;

/** What a switch came to: done, or refused with the API's problems. */
export interface SwitchOutcome {
  module: string;
  enabled: boolean;
  problems: readonly ManifestProblem[];
}

/** One member and its modules, switched on and off one at a time. */
@Injectable()
export class MemberStore {
  private readonly api = inject(HearthApi);
  private slug: string | null = null;

  readonly member = signal<MemberDetail | null>(null);
  readonly loading = signal(false);
  readonly notFound = signal(false);
  readonly error = signal<ApiError | null>(null);
  /** The module being switched, while the API answers. */
  readonly switching = signal<string | null>(null);
  /** The last switch: done when it has no problems, else refused with the API's (e.g. a module another needs). */
  readonly lastSwitch = signal<SwitchOutcome | null>(null);

  async open(slug: string): Promise<void> {
    this.slug = slug;
    this.lastSwitch.set(null);
    this.error.set(null);
    await this.load();
  }

  async setModule(module: string, enabled: boolean): Promise<void> {
    const slug = this.slug;
    if (!slug) return;
    this.switching.set(module);
    this.lastSwitch.set(null);
    let outcome: SwitchOutcome | null = null;
    try {
      const { setMemberModule } = await this.api.mutate(ConsortiumSetModuleDocument, { member: slug, module, enabled });
      const result = manifestOutcome(setMemberModule);
      outcome = { module, enabled, problems: result.kind === 'invalid' ? result.problems : [] };
      this.error.set(null);
    } catch (error) {
      this.error.set(asApiError(error));
    }
    // Refused or not, show what the member has now (a refused switch flips back), and only then
    // say what happened, so the words and the switches never disagree.
    await this.load();
    this.lastSwitch.set(outcome);
    this.switching.set(null);
  }

  private async load(): Promise<void> {
    const slug = this.slug;
    if (!slug) return;
    this.loading.set(true);
    try {
      const { data } = await this.api.query(ConsortiumMemberDetailDocument, { slug });
      if (slug !== this.slug) return;
      this.member.set(data.member);
      this.notFound.set(data.member === null);
    } catch (error) {
      if (slug !== this.slug) return;
      this.error.set(asApiError(error));
    } finally {
      this.loading.set(false);
    }
  }
}
