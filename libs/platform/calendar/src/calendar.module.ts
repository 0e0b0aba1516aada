import { HearthModule } from '@hearth/platform-kernel';
import { CalendarResolver } from './calendar.resolver';
import { calendarEvents, calendarPermissions } from './calendar.permissions';
import { ClosureDayEntity } from './closure-day.entity';
import { ClosureDayService } from './closure-day.service';
import { MemberCalendar } from './member-calendar';
import { Calendar1763900150000 } from './migrations/1763900150000-calendar';

/**
 * The working-day calendar every deadline in Hearth is counted on: UK bank holidays by rule for
 * the member's nation, and the member's own closure days. Core, because repairs, complaints and
 * hazards all count on it, and a member cannot have deadlines without one.
 */
@HearthModule({
  key: 'calendar',
  name: 'Calendar',
  description: "UK bank holidays for the member's nation and its own closure days: the working days deadlines are counted in.",
  version: '1.0.0',
  core: true,
  entities: [ClosureDayEntity],
  migrations: [Calendar1763900150000],
  providers: [MemberCalendar, ClosureDayService],
  resolvers: [CalendarResolver],
  permissions: calendarPermissions,
  events: { emits: calendarEvents },
  // Other modules inject MemberCalendar to count their deadlines.
  exports: [MemberCalendar],
})
export class CalendarModule {}
