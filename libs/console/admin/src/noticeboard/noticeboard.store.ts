import { inject, Injectable, signal } from '@angular/core';
import { ApiError, asApiError, HearthApi, PagedList } from '@hearth/console-core';
import { NoticeboardListDocument, NoticeboardPostDocument, NoticeboardWithdrawDocument, type NoticeboardNoticeFragment } from '../graphql.generated';

export interface NewNotice {
  title: string;
  body: string;
  /** The last day it is up (YYYY-MM-DD), or null for the member's default. */
  lastDay: string | null;
}

/** What the last post or withdrawal came to, for the page to say. */
export type NoticeChange = { kind: 'posted' | 'withdrawn'; title: string } | { kind: 'refused'; code: string; message: string };

/** The member's current notices, posting one and withdrawing one. */
@Injectable()
export class NoticeboardStore {
  private readonly api = inject(HearthApi);

  readonly notices = new PagedList<NoticeboardNoticeFragment>(25, async (first, after) => {
    const { data } = await this.api.query(NoticeboardListDocument, { first, after });
    return data.notices;
  });
  readonly busy = signal(false);
  readonly changeError = signal<ApiError | null>(null);
  readonly lastChange = signal<NoticeChange | null>(null);

  async post(notice: NewNotice): Promise<boolean> {
    return this.change(async () => {
      // Up to the end of the last day chosen, as the UK counts it.
      const expiresAt = notice.lastDay ? endOfUkDay(notice.lastDay) : null;
      const { postNotice } = await this.api.mutate(NoticeboardPostDocument, { input: { title: notice.title, body: notice.body, expiresAt } });
      this.lastChange.set({ kind: 'posted', title: postNotice.title });
      await this.notices.first();
      return true;
    });
  }

  async withdraw(notice: NoticeboardNoticeFragment): Promise<boolean> {
    return this.change(async () => {
      const { withdrawNotice } = await this.api.mutate(NoticeboardWithdrawDocument, { id: notice.id });
      if (withdrawNotice.__typename === 'Notice') this.lastChange.set({ kind: 'withdrawn', title: notice.title });
      else this.lastChange.set({ kind: 'refused', code: withdrawNotice.code, message: withdrawNotice.message });
      await this.notices.reload();
      return withdrawNotice.__typename === 'Notice';
    });
  }

  private async change(work: () => Promise<boolean>): Promise<boolean> {
    this.busy.set(true);
    this.changeError.set(null);
    this.lastChange.set(null);
    try {
      return await work();
    } catch (error) {
      this.changeError.set(asApiError(error));
      return false;
    } finally {
      this.busy.set(false);
    }
  }
}

/** The first moment after a UK calendar day (midnight Europe/London, GMT or BST), as an ISO timestamp. */
export function endOfUkDay(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  // London is UTC or UTC+1: find which by asking what London's clock reads at UTC midnight.
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' }).format(next));
  return new Date(next.getTime() - hour * 3_600_000).toISOString();
}
