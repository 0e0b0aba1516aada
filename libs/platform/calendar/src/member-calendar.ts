import { Injectable } from '@nestjs/common';
import { hearthContext, TenantEntity, TransactionManager } from '@hearth/platform-database';
import { regionOf } from './calendar-region';
import { WorkingCalendar } from './working-calendar';

const CALENDAR = Symbol('member calendar');

/**
 * The calendar of the member bound to the current unit of work: its country's bank holidays and
 * its own closure days. Read once per unit of work, so a page of fifty deadlines costs two
 * queries; all closure days are loaded, because a member has a handful a year and a deadline
 * may be computed for any date.
 */
@Injectable()
export class MemberCalendar {
  constructor(private readonly transactions: TransactionManager) {}

  forCurrentMember(): Promise<WorkingCalendar> {
    const context = hearthContext.require();
    return context.memoize(CALENDAR, async () => {
      const members = await this.transactions.repository(TenantEntity);
      const member = await members.findOneByOrFail({ id: context.requireTenantId() });
      const closures = await this.transactions.query<{ day: string }>(`select day::text as day from hearth.closure_day`);
      return new WorkingCalendar(regionOf(member.country), closures.map((row) => row.day));
    });
  }

  /** After this unit of work changes the closure days, the next caller reads them again. */
  forget(): void {
    hearthContext.require().memo.delete(CALENDAR);
  }
}
