import { Field, Int, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '@hearth/platform-auth';
import { MemberCalendar, type WorkingCalendar } from '@hearth/platform-calendar';
import { HazardClock } from '../hazards/hazard.model';
import { repairsPermissions as can } from '../repairs.permissions';
import { RepairPriorities } from './repair-priorities';
import { WorkOrder } from './repairs.model';

@ObjectType({ description: "One of the member's repair priorities (repairs settings), with its target, for triage." })
export class RepairPriorityOption {
  @Field() code!: string;
  @Field() name!: string;
  @Field({ description: 'Counted as an emergency repair (RP02).' }) emergency!: boolean;
  @Field(() => Int, { nullable: true, description: 'The target in clock hours, when it is counted in hours.' }) targetHours!: number | null;
  @Field(() => Int, { nullable: true, description: 'The target in working days, when it is counted in working days.' }) targetWorkingDays!: number | null;
}

const WORKING_DAYS_LEFT =
  'Working days from today to the UK day it is due: 0 when due by the end of today, negative when past due (working days since). ' +
  "On the member's calendar, by the same rule as the deadline itself. Null when there is no due time.";

/**
 * Working days left, signed. Deadlines end at a UK midnight, so the day they fall due is the day
 * of the instant just before; a deadline passed today is 0 days overdue, not 1.
 */
export function workingDaysLeft(calendar: WorkingCalendar, dueAt: Date | null, now: Date): number | null {
  if (!dueAt) return null;
  const dueDay = new Date(dueAt.getTime() - 1);
  if (dueAt > now) return calendar.workingDaysBetween(now, dueDay);
  return -calendar.workingDaysBetween(dueDay, now) || 0;
}

/**
 * What the console needs to show deadlines as staff speak of them ("due in 2 working days") and
 * to triage with the member's own priorities, without repeating the calendar's rules in the browser.
 */
@Resolver()
export class RepairPrioritiesResolver {
  constructor(private readonly priorities: RepairPriorities) {}

  @Query(() => [RepairPriorityOption], { description: "The member's repair priorities, in the order of its settings." })
  @Access(can.read)
  async repairPriorities(): Promise<RepairPriorityOption[]> {
    const { priorities } = await this.priorities.settings();
    return priorities.map(({ code, name, emergency, target }) =>
      Object.assign(new RepairPriorityOption(), {
        code, name, emergency,
        targetHours: 'hours' in target ? target.hours : null,
        targetWorkingDays: 'workingDays' in target ? target.workingDays : null,
      }),
    );
  }
}

@Resolver(() => WorkOrder)
export class WorkOrderDeadlineResolver {
  constructor(private readonly calendar: MemberCalendar) {}

  @ResolveField(() => Int, { nullable: true, description: WORKING_DAYS_LEFT })
  async workingDaysLeft(@Parent() workOrder: WorkOrder): Promise<number | null> {
    return workingDaysLeft(await this.calendar.forCurrentMember(), workOrder.targetAt, new Date());
  }
}

@Resolver(() => HazardClock)
export class HazardClockDeadlineResolver {
  constructor(private readonly calendar: MemberCalendar) {}

  @ResolveField(() => Int, { nullable: true, description: WORKING_DAYS_LEFT })
  async workingDaysLeft(@Parent() clock: HazardClock): Promise<number | null> {
    return workingDaysLeft(await this.calendar.forCurrentMember(), clock.dueAt, new Date());
  }
}
