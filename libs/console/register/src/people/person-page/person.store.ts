import { inject, Injectable, signal } from '@angular/core';
import { ApiError, asApiError, HearthApi, problemsByField } from '@hearth/console-core';
import { RegisterEndAlertDocument, RegisterPersonDocument, RegisterRaiseAlertDocument, type RegisterPersonQuery } from '../../graphql.generated';
import { type FormOutcome } from '../../shared/register.format';

export type PersonDetails = NonNullable<RegisterPersonQuery['person']>;

/** A person's page: their details, alerts and tenancies; raising and ending alerts. */
@Injectable()
export class PersonStore {
  private readonly api = inject(HearthApi);
  private id = '';
  private latest = 0;

  readonly person = signal<PersonDetails | null>(null);
  readonly loading = signal(false);
  readonly error = signal<ApiError | null>(null);
  readonly notFound = signal(false);
  /** The alert being ended, so its button waits. */
  readonly ending = signal<string | null>(null);
  readonly endError = signal<string | null>(null);

  async load(id: string): Promise<void> {
    const load = ++this.latest;
    this.id = id;
    this.loading.set(true);
    try {
      const { data } = await this.api.query(RegisterPersonDocument, { id });
      if (load !== this.latest) return;
      this.person.set(data.person);
      this.notFound.set(data.person === null);
      this.error.set(null);
    } catch (error) {
      if (load !== this.latest) return;
      this.person.set(null);
      this.error.set(asApiError(error));
    } finally {
      if (load === this.latest) this.loading.set(false);
    }
  }

  async raiseAlert(code: string, note: string | null): Promise<FormOutcome> {
    try {
      const { raisePersonAlert: result } = await this.api.mutate(RegisterRaiseAlertDocument, { input: { personId: this.id, code, note } });
      switch (result.__typename) {
        case 'PersonAlert':
          await this.load(this.id);
          return { saved: true, value: undefined };
        case 'PersonInvalid':
          return { saved: false, problems: problemsByField(result.problems), message: null };
        case 'PersonNotFound':
          return { saved: false, problems: {}, message: result.message };
      }
    } catch (error) {
      return { saved: false, problems: {}, message: asApiError(error).message };
    }
  }

  async endAlert(alertId: string): Promise<void> {
    this.ending.set(alertId);
    this.endError.set(null);
    try {
      const { endPersonAlert: result } = await this.api.mutate(RegisterEndAlertDocument, { input: { alertId } });
      if (result.__typename === 'PersonAlert') await this.load(this.id);
      else if (result.__typename === 'PersonInvalid') this.endError.set(result.problems.map((problem) => problem.message).join(' ') || result.message);
      else this.endError.set(result.message);
    } catch (error) {
      this.endError.set(asApiError(error).message);
    } finally {
      this.ending.set(null);
    }
  }
}
