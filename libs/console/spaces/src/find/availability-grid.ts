import { minutesOf, timeOf, ukInstant } from '../shared/uk-time';

export interface TakenSlot {
  start: string;
  end: string;
  mine: boolean;
}

export type CellState = 'free' | 'taken' | 'mine' | 'past';

export interface GridCell {
  /** HH:MM the cell starts. */
  time: string;
  state: CellState;
}

export interface GridRow<TSpace> {
  space: TSpace;
  cells: GridCell[];
}

/**
 * A day's availability as a grid of hours: each cell is free, taken (by someone else: never who),
 * one's own, or past. A cell counts as taken when any booking overlaps any of its hour.
 */
export function availabilityGrid<TSpace>(
  day: string,
  hours: { opens: string; closes: string } | null,
  spaces: readonly { space: TSpace; taken: readonly TakenSlot[] }[],
  now: Date,
): { times: string[]; rows: GridRow<TSpace>[] } {
  if (!hours) return { times: [], rows: [] };
  const times: string[] = [];
  for (let minute = minutesOf(hours.opens); minute < minutesOf(hours.closes); minute += 60) times.push(timeOf(minute));
  const closes = minutesOf(hours.closes);
  const rows = spaces.map(({ space, taken }) => ({
    space,
    cells: times.map((time) => {
      const from = ukInstant(day, time).getTime();
      const to = ukInstant(day, timeOf(Math.min(minutesOf(time) + 60, closes))).getTime();
      const overlapping = taken.filter((slot) => Date.parse(slot.start) < to && Date.parse(slot.end) > from);
      const state: CellState = overlapping.some((slot) => slot.mine) ? 'mine' : overlapping.length ? 'taken' : to <= now.getTime() ? 'past' : 'free';
      return { time, state };
    }),
  }));
  return { times, rows };
}
