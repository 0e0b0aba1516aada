import { WorkingCalendar } from '@hearth/platform-calendar';
import { dueDay } from './due-day';

describe('dueDay', () => {
  const england = new WorkingCalendar('england-and-wales');

  it('counts working days after today, skipping weekends and bank holidays', () => {
    // Thursday 24 December 2026: Christmas Day is a Friday, Boxing Day a Saturday (its substitute Monday 28th).
    const christmasEve = new Date('2026-12-24T10:00:00Z');
    expect(dueDay(england, 0, christmasEve)).toBe('2026-12-24');
    expect(dueDay(england, 1, christmasEve)).toBe('2026-12-29');
    expect(dueDay(england, 3, christmasEve)).toBe('2026-12-31');
  });

  it("takes the UK day, so late on a summer's evening in UTC is already the next day", () => {
    // 23:30 UTC on Friday 31 July 2026 is 00:30 BST on Saturday 1 August.
    expect(dueDay(england, 1, new Date('2026-07-31T23:30:00Z'))).toBe('2026-08-03');
  });

  it("skips the member's own closure days", () => {
    expect(dueDay(new WorkingCalendar('england-and-wales', ['2026-12-29']), 1, new Date('2026-12-24T10:00:00Z'))).toBe('2026-12-30');
  });
});
