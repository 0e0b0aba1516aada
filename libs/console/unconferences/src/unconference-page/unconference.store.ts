import { inject, Injectable, signal } from '@angular/core';
import { asApiError, HearthApi, type ApiError } from '@hearth/console-core';
import { UnconferenceCalendarFileDocument, UnconferenceDetailDocument, type UnconferenceDetailQuery } from '../graphql.generated';

export type UnconferenceDetail = NonNullable<UnconferenceDetailQuery['unconference']>;
export type Proposal = UnconferenceDetail['proposals'][number];
export type Person = UnconferenceDetail['participants'][number];
export type TimetableSession = NonNullable<UnconferenceDetail['timetable']>['sessions'][number];

/** What a mutation answered: its __typename, and for typed failures their code, message and details. */
interface Answer {
  __typename: string;
  code?: string;
  message?: string;
  problems?: readonly { field: string; message: string }[];
  participantName?: string;
  otherSessionTitle?: string;
}

/** A change refused by the API, for the page to say in the reader's words and place on its form. */
export interface Refusal {
  code: string;
  message: string;
  problems: { field: string; message: string }[];
  clash?: { person: string; session: string };
}

/** What the last change came to, for the page's live region. */
export type LastChange = { kind: 'done'; text: string } | { kind: 'refused'; refusal: Refusal };

/**
 * One unconference as the page shows it, and every change people make to it. After each change
 * the whole event is read again: counts, statuses and the timetable move together, and what the
 * page shows is what the API holds.
 */
@Injectable()
export class UnconferenceStore {
  private readonly api = inject(HearthApi);
  private id = '';
  private latest = 0;

  readonly event = signal<UnconferenceDetail | null>(null);
  readonly loading = signal(false);
  /** True once answered: a null event then means there is none (or it is a draft one does not organise). */
  readonly loaded = signal(false);
  readonly error = signal<ApiError | null>(null);
  readonly busy = signal(false);
  readonly lastChange = signal<LastChange | null>(null);
  /** A failure outside the schema's answers (network, permission), shown as an ApiError. */
  readonly changeError = signal<ApiError | null>(null);

  async load(id: string): Promise<void> {
    this.id = id;
    this.loaded.set(false);
    this.lastChange.set(null);
    await this.reload();
  }

  async reload(): Promise<void> {
    const request = ++this.latest;
    this.loading.set(true);
    try {
      const { data } = await this.api.query(UnconferenceDetailDocument, { id: this.id });
      if (request !== this.latest) return;
      this.event.set(data.unconference);
      this.error.set(null);
      this.loaded.set(true);
    } catch (error) {
      if (request !== this.latest) return;
      this.error.set(asApiError(error));
    } finally {
      if (request === this.latest) this.loading.set(false);
    }
  }

  /**
   * Runs one change. On success the event is read again and `done` is announced; a typed failure
   * is answered (and announced) as a Refusal; anything else shows as an error. Answers null on
   * success, the Refusal otherwise.
   */
  async change(run: () => Promise<Answer>, done: string): Promise<Refusal | null | 'failed'> {
    this.busy.set(true);
    this.changeError.set(null);
    this.lastChange.set(null);
    try {
      const answer = await run();
      if (answer.code) {
        const refusal: Refusal = {
          code: answer.code,
          message: answer.message ?? answer.code,
          problems: [...(answer.problems ?? [])],
          clash: answer.participantName ? { person: answer.participantName, session: answer.otherSessionTitle ?? '' } : undefined,
        };
        this.lastChange.set({ kind: 'refused', refusal });
        await this.reload();
        return refusal;
      }
      await this.reload();
      this.lastChange.set({ kind: 'done', text: done });
      return null;
    } catch (error) {
      this.changeError.set(asApiError(error));
      return 'failed';
    } finally {
      this.busy.set(false);
    }
  }

  /** The published timetable as an .ics file's text, for the browser to save. */
  async calendarFile(): Promise<{ name: string; text: string } | null> {
    try {
      const { data } = await this.api.query(UnconferenceCalendarFileDocument, { id: this.id });
      const event = data.unconference;
      if (!event?.icalendar) return null;
      return { name: `${event.title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase() || 'unconference'}.ics`, text: event.icalendar };
    } catch (error) {
      this.changeError.set(asApiError(error));
      return null;
    }
  }

  /** The same API, for the panels' mutations. */
  get client(): HearthApi {
    return this.api;
  }
}
