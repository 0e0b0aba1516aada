import { Injectable } from '@nestjs/common';
import { HearthError } from '@hearth/platform-core';
import { TransactionManager } from '@hearth/platform-database';
import { MemberCalendar } from '@hearth/platform-calendar';
import { hazardClockStatusSql } from '../hazards/hazard.model';
import { RepairsPerformanceLine } from '../measures/measures.model';
import { CLOSED_STATUSES, WORK_ORDER_STATUSES, type WorkOrderStatus } from '../repairs/work-order.state-machine';
import { RepairsDashboard, RepairsMonthPerformance, WorkOrderStatusCount } from './dashboard.model';

export const MAX_DASHBOARD_MONTHS = 24;

const CLOSED = CLOSED_STATUSES.map((status) => `'${status}'`).join(', ');
const OPEN_STATUSES = WORK_ORDER_STATUSES.filter((status) => !CLOSED_STATUSES.includes(status));

/**
 * The dashboard's repairs figures: a handful of set-based counts over the member's rows (RLS
 * keeps them to the member), so the console never pages through work orders to add them up.
 */
@Injectable()
export class RepairsDashboardService {
  constructor(
    private readonly transactions: TransactionManager,
    private readonly calendar: MemberCalendar,
  ) {}

  async dashboard(months: number): Promise<RepairsDashboard> {
    if (!Number.isInteger(months) || months < 1 || months > MAX_DASHBOARD_MONTHS) {
      throw new HearthError('BAD_USER_INPUT', `months must be a whole number from 1 to ${MAX_DASHBOARD_MONTHS}`, { field: 'months' });
    }
    // now() is the transaction's start, the same in every statement below: breached and near breach
    // neither overlap nor leave a gap.
    const [{ now }] = await this.transactions.query<{ now: Date }>(`select now() as now`);
    const nearBreachBefore = (await this.calendar.forCurrentMember()).due(now, { workingDays: 1 });

    const byStatus = await this.transactions.query<{ status: WorkOrderStatus; count: number; breached: number; near: number }>(
      `select status, count(*)::int as count,
         count(*) filter (where target_at <= now())::int as breached,
         count(*) filter (where target_at > now() and target_at <= $1)::int as near
       from hearth.work_order where status not in (${CLOSED})
       group by status`,
      [nearBreachBefore],
    );
    const [repairs] = await this.transactions.query<{ open: number; awaiting: number }>(
      `select count(*) filter (where r.status = 'reported' or exists (
                select 1 from hearth.work_order w where w.tenant_id = r.tenant_id and w.repair_id = r.id and w.status not in (${CLOSED})))::int as open,
              count(*) filter (where r.status = 'reported')::int as awaiting
       from hearth.repair r where r.status <> 'cancelled'`,
    );
    const [hazards] = await this.transactions.query<{ cases: number; running: number; soon: number; missed: number }>(
      `select (select count(*)::int from hearth.hazard_case where status = 'open') as cases,
              count(*) filter (where state = 'running')::int as running,
              count(*) filter (where state = 'running' and due_at <= now() + interval '7 days')::int as soon,
              count(*) filter (where state = 'missed')::int as missed
       from (select k.due_at, ${hazardClockStatusSql('k')} as state
             from hearth.hazard_clock k
             join hearth.hazard_case c on c.tenant_id = k.tenant_id and c.id = k.hazard_case_id
             where c.status = 'open' and k.met_at is null and k.waived_reason is null) clocks`,
    );
    const monthly = await this.transactions.query<{ month: string; completed: number; within_target: number }>(
      `with month as (
         select generate_series(date_trunc('month', now() at time zone 'Europe/London') - ($1::int - 1) * interval '1 month',
                                date_trunc('month', now() at time zone 'Europe/London'), interval '1 month') as start
       )
       select to_char(m.start, 'YYYY-MM') as month, count(w.id)::int as completed,
              count(w.id) filter (where w.completed_at <= w.target_at)::int as within_target
       from month m
       left join hearth.work_order w on w.completed_at >= (m.start at time zone 'Europe/London')
                                    and w.completed_at < ((m.start + interval '1 month') at time zone 'Europe/London')
       group by m.start order by m.start`,
      [months],
    );

    const sum = (pick: (row: (typeof byStatus)[number]) => number) => byStatus.reduce((total, row) => total + pick(row), 0);
    return Object.assign(new RepairsDashboard(), {
      asAt: now,
      openRepairs: repairs.open,
      awaitingTriage: repairs.awaiting,
      openWorkOrders: sum((row) => row.count),
      workOrdersByStatus: OPEN_STATUSES.map((status) =>
        Object.assign(new WorkOrderStatusCount(), { status, count: byStatus.find((row) => row.status === status)?.count ?? 0 }),
      ),
      breached: sum((row) => row.breached),
      nearBreach: sum((row) => row.near),
      nearBreachBefore,
      openHazardCases: hazards.cases,
      hazardClocksRunning: hazards.running,
      hazardClocksDueSoon: hazards.soon,
      hazardClocksMissed: hazards.missed,
      completedInTarget: monthly.map((row) =>
        Object.assign(new RepairsMonthPerformance(), RepairsPerformanceLine.of(row.completed, row.within_target), { month: row.month }),
      ),
    });
  }
}
