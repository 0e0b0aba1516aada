import { inject, Injectable, signal } from '@angular/core';
import { ApiError, asApiError, HearthApi } from '@hearth/console-core';
import { SettingsAddClosureDayDocument, SettingsClosureDaysDocument, SettingsRemoveClosureDayDocument, type SettingsClosureDaysQuery } from '../graphql.generated';

export type ClosureDayRow = SettingsClosureDaysQuery['closureDays'][number];

/** What the last add or remove came to; problems name the field they are about, when they do. */
export type ClosureDayChange =
  | { kind: 'added' | 'removed'; day: string }
  | { kind: 'taken' | 'notFound'; day: string }
  | { kind: 'invalid'; problems: readonly { field: string; message: string }[] };

/** Today in the UK, as a calendar day. */
function ukToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
}

/** The member's closure days from today (at most five years of them, so no paging), added and removed. */
@Injectable()
export class ClosureDaysStore {
  private readonly api = inject(HearthApi);

  readonly days = signal<ClosureDayRow[]>([]);
  readonly loading = signal(false);
  readonly loaded = signal(false);
  readonly error = signal<ApiError | null>(null);
  readonly busy = signal(false);
  readonly lastChange = signal<ClosureDayChange | null>(null);

  async load(): Promise<void> {
    this.loading.set(true);
    try {
      const { data } = await this.api.query(SettingsClosureDaysDocument, { from: ukToday() });
      this.days.set(data.closureDays);
      this.error.set(null);
      this.loaded.set(true);
    } catch (error) {
      this.error.set(asApiError(error));
    } finally {
      this.loading.set(false);
    }
  }

  async add(day: string, description: string): Promise<boolean> {
    return this.change(async () => {
      const { addClosureDay: result } = await this.api.mutate(SettingsAddClosureDayDocument, { day, description });
      if (result.__typename === 'ClosureDay') this.lastChange.set({ kind: 'added', day });
      else if (result.__typename === 'ClosureDayTaken') this.lastChange.set({ kind: 'taken', day });
      else this.lastChange.set({ kind: 'invalid', problems: result.problems });
      return result.__typename === 'ClosureDay';
    });
  }

  async remove(day: string): Promise<boolean> {
    return this.change(async () => {
      const { removeClosureDay: result } = await this.api.mutate(SettingsRemoveClosureDayDocument, { day });
      if (result.__typename === 'ClosureDay') this.lastChange.set({ kind: 'removed', day });
      else if (result.__typename === 'ClosureDayNotFound') this.lastChange.set({ kind: 'notFound', day });
      else this.lastChange.set({ kind: 'invalid', problems: result.problems });
      return result.__typename === 'ClosureDay';
    });
  }

  private async change(work: () => Promise<boolean>): Promise<boolean> {
    this.busy.set(true);
    this.lastChange.set(null);
    try {
      const done = await work();
      await this.load();
      return done;
    } catch (error) {
      this.error.set(asApiError(error));
      return false;
    } finally {
      this.busy.set(false);
    }
  }
}
