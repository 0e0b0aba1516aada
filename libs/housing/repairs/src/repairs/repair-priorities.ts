import { Injectable } from '@nestjs/common';
import { ModuleEnablement } from '@hearth/platform-kernel';
import type { WorkingCalendar } from '@hearth/platform-calendar';
import type { RepairPriority, RepairsSettings } from '../repairs.settings';

const HOUR_MS = 3_600_000;

/** The member's priorities and warning window, from its repairs settings (defaults filled in). */
@Injectable()
export class RepairPriorities {
  constructor(private readonly enablement: ModuleEnablement) {}

  settings(): Promise<RepairsSettings> {
    return this.enablement.settings<RepairsSettings & Record<string, unknown>>('repairs');
  }

  async find(code: string): Promise<RepairPriority | undefined> {
    return (await this.settings()).priorities.find((priority) => priority.code === code);
  }

  async codes(): Promise<string[]> {
    return (await this.settings()).priorities.map((priority) => priority.code);
  }
}

/**
 * When a work order raised at `raisedAt` is due, and when it starts being flagged as near that:
 * `approachingWithinHours` before, or a fifth of its whole time before when that is shorter (so
 * a 24-hour emergency is not flagged the moment it is raised).
 */
export function workOrderTimes(
  calendar: WorkingCalendar, raisedAt: Date, priority: RepairPriority, approachingWithinHours: number,
): { targetAt: Date; warnAt: Date } {
  const targetAt = calendar.due(raisedAt, priority.target);
  const lead = Math.min(approachingWithinHours * HOUR_MS, (targetAt.getTime() - raisedAt.getTime()) / 5);
  return { targetAt, warnAt: new Date(targetAt.getTime() - lead) };
}
