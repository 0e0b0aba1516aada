import { Injectable } from '@nestjs/common';
import { HearthError } from '@hearth/platform-core';
import { TransactionManager } from '@hearth/platform-database';
import { HAZARD_CLOCKS, type HazardClockKind } from '../repairs.entities';
import { hazardClockStatusSql } from '../hazards/hazard.model';
import { HazardClockPerformance, HazardClockPerformanceLine, RepairsPerformance, RepairsPerformanceLine } from './measures.model';

/** `column` falls in the UK days $1 to $2: from the start of $1 to the start of the day after $2, in Europe/London. */
const inPeriod = (column: string) =>
  `${column} >= ($1::date::timestamp at time zone 'Europe/London') and ${column} < (($2::date + 1)::timestamp at time zone 'Europe/London')`;

/** The repairs measures, each one set-based statement over the member's rows (see docs/hazards.md for the definitions). */
@Injectable()
export class MeasuresService {
  constructor(private readonly transactions: TransactionManager) {}

  async repairsPerformance(from: string, to: string): Promise<RepairsPerformance> {
    assertPeriod(from, to);
    const rows = await this.transactions.query<{ emergency: boolean; completed: number; within_target: number }>(
      `select emergency, count(*)::int as completed, count(*) filter (where completed_at <= target_at)::int as within_target
       from hearth.work_order
       where ${inPeriod('completed_at')}
       group by emergency`,
      [from, to],
    );
    const line = (rows: { completed: number; within_target: number }[]) =>
      RepairsPerformanceLine.of(rows.reduce((n, r) => n + r.completed, 0), rows.reduce((n, r) => n + r.within_target, 0));
    return Object.assign(new RepairsPerformance(), {
      from, to,
      emergency: line(rows.filter((r) => r.emergency)),
      nonEmergency: line(rows.filter((r) => !r.emergency)),
      total: line(rows),
    });
  }

  async hazardClockPerformance(from: string, to: string): Promise<HazardClockPerformance> {
    assertPeriod(from, to);
    const rows = await this.transactions.query<{ clock: HazardClockKind; met: number; met_late: number; missed: number; running: number }>(
      `select clock,
         count(*) filter (where status = 'met')::int as met,
         count(*) filter (where status = 'met_late')::int as met_late,
         count(*) filter (where status = 'missed')::int as missed,
         count(*) filter (where status = 'running')::int as running
       from (select k.clock, ${hazardClockStatusSql('k')} as status from hearth.hazard_clock k
             where ${inPeriod('k.due_at')}) clocks
       group by clock`,
      [from, to],
    );
    const clocks = HAZARD_CLOCKS.map((clock) => {
      const row = rows.find((r) => r.clock === clock) ?? { met: 0, met_late: 0, missed: 0, running: 0 };
      return Object.assign(new HazardClockPerformanceLine(), {
        clock, metInTime: row.met, metLate: row.met_late, missed: row.missed, running: row.running,
        due: row.met + row.met_late + row.missed + row.running,
      });
    });
    return Object.assign(new HazardClockPerformance(), { from, to, clocks });
  }
}

function assertPeriod(from: string, to: string): void {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  const valid = (value: string) => day.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  if (!valid(from)) throw new HearthError('BAD_USER_INPUT', 'from must be a date, YYYY-MM-DD', { field: 'from' });
  if (!valid(to)) throw new HearthError('BAD_USER_INPUT', 'to must be a date, YYYY-MM-DD', { field: 'to' });
  if (to < from) throw new HearthError('BAD_USER_INPUT', 'to must not be before from', { field: 'to' });
}
