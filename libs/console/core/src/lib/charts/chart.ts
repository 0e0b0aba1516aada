import { defineTranslations } from '../i18n/translations';

/** One value of a chart: its label, its size, and the value as the reader should read it (already formatted). */
export interface ChartDatum {
  label: string;
  value: number;
  text: string;
  /** A shorter label where the axis has little room ("12 Apr" for "12 Apr 2026"). */
  axisLabel?: string;
}

/** The charts' own words. */
export const CHART_TEXT = defineTranslations(
  { showTable: 'Show the figures as a table', hideTable: 'Hide the table' },
  { showTable: 'Dangos y ffigurau mewn tabl', hideTable: 'Cuddio’r tabl' },
);

/**
 * The top of a value axis: the smallest 1, 2, 2.5 or 5 × 10ⁿ at or above the largest value, so
 * gridlines fall on round numbers (never 0, so an all-zero chart still has a scale).
 */
export function niceCeiling(max: number): number {
  if (!(max > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 2.5, 5, 10].find((factor) => factor * magnitude >= max) ?? 10;
  return step * magnitude;
}

/** Gridline values from 0 to the ceiling, evenly spaced. */
export function gridlines(ceiling: number, count = 4): number[] {
  return Array.from({ length: count + 1 }, (_, i) => (ceiling * i) / count);
}
