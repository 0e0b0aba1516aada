import { WorkingCalendar } from '@hearth/platform-calendar';
import { DEFAULT_PRIORITIES } from '../repairs.settings';
import { workOrderTimes } from './repair-priorities';

const priority = (code: string) => DEFAULT_PRIORITIES.find((p) => p.code === code)!;
const england = new WorkingCalendar('england-and-wales');
// 2025-08-22 is a Friday; Monday 2025-08-25 is the summer bank holiday in England and Wales, not in Scotland.
const FRIDAY_2359 = new Date('2025-08-22T22:59:00Z'); // 23:59 BST

describe('workOrderTimes', () => {
  it('gives an emergency exactly its hours, warned a fifth of them before when that is less than the window', () => {
    const { targetAt, warnAt } = workOrderTimes(england, FRIDAY_2359, priority('emergency'), 24);
    expect(targetAt.toISOString()).toBe('2025-08-23T22:59:00.000Z');
    // 24 hours: a fifth is 4.8 hours, shorter than the 24-hour window.
    expect(warnAt.toISOString()).toBe('2025-08-23T18:11:00.000Z');
  });

  it('counts working days from the day after a report at 23:59 on a Friday, skipping the bank holiday', () => {
    // Five working days: Tue 26, Wed 27, Thu 28, Fri 29, Mon 1 September; due at the end of Monday (midnight BST).
    const { targetAt, warnAt } = workOrderTimes(england, FRIDAY_2359, priority('urgent'), 24);
    expect(targetAt.toISOString()).toBe('2025-09-01T23:00:00.000Z');
    expect(warnAt.toISOString()).toBe('2025-08-31T23:00:00.000Z');
  });

  it('counts the Monday where it is not a bank holiday (Scotland)', () => {
    const { targetAt } = workOrderTimes(new WorkingCalendar('scotland'), FRIDAY_2359, priority('urgent'), 24);
    expect(targetAt.toISOString()).toBe('2025-08-29T23:00:00.000Z');
  });

  it("skips the member's own closure days too", () => {
    const closed = new WorkingCalendar('england-and-wales', ['2025-08-26']);
    const { targetAt } = workOrderTimes(closed, FRIDAY_2359, { ...priority('urgent'), target: { workingDays: 1 } }, 24);
    expect(targetAt.toISOString()).toBe('2025-08-27T23:00:00.000Z');
  });
});
