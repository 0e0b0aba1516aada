import type { Period } from '@hearth/platform-calendar';
import type { Country } from '@hearth/platform-database';
import type { HazardClockKind, HazardSeverity, HazardType } from '../repairs.entities';

/** What a clock's period is counted from: when the member became aware, or the investigation. */
export type ClockStart = 'aware' | 'investigation';

/** A finding of the investigation; a clock that depends on it is waived when the finding is "not needed". */
export type InvestigationFinding = 'safetyWorkNeeded' | 'preventativeWorkNeeded';

export interface ClockRule {
  clock: HazardClockKind;
  from: ClockStart;
  /** Counted on the member's working-day calendar (see docs/calendar.md). */
  period: Period;
  /** Set when the investigation may find this work is not needed, which waives the clock. */
  waivedUnless?: InvestigationFinding;
  /** The duty, in the words staff see. */
  duty: string;
}

/**
 * The statutory clocks for hazards of some types and a severity in some countries. Every figure
 * lives here, so a new hazard type, a later phase of a law, or another nation's rules is a new
 * entry in HAZARD_REGIMES, not new code.
 */
export interface HazardRegime {
  law: string;
  countries: readonly Country[];
  /** The hazard types it covers; 'all' for every type. */
  hazardTypes: readonly HazardType[] | 'all';
  severity: HazardSeverity;
  clocks: readonly ClockRule[];
}

/** Awaab's Law, England (the Hazards in Social Housing (Prescribed Requirements) (England) Regulations 2025), in force 27 October 2025. */
const AWAABS_LAW = "Awaab's Law (England, from 27 October 2025)";

export const HAZARD_REGIMES: readonly HazardRegime[] = [
  {
    law: AWAABS_LAW,
    countries: ['england'],
    hazardTypes: 'all',
    severity: 'emergency',
    clocks: [
      { clock: 'emergency_make_safe', from: 'aware', period: { hours: 24 }, duty: 'Investigate and make safe within 24 hours of becoming aware' },
    ],
  },
  {
    law: AWAABS_LAW,
    countries: ['england'],
    hazardTypes: ['damp_and_mould'],
    severity: 'significant',
    clocks: [
      { clock: 'investigate', from: 'aware', period: { workingDays: 10 }, duty: 'Investigate within 10 working days of becoming aware' },
      {
        clock: 'written_summary', from: 'investigation', period: { workingDays: 3 },
        duty: 'Give the resident a written summary within 3 working days of the investigation',
      },
      {
        clock: 'safety_work', from: 'investigation', period: { workingDays: 5 }, waivedUnless: 'safetyWorkNeeded',
        duty: 'Begin safety work within 5 working days of the investigation',
      },
      {
        clock: 'preventative_work_begin', from: 'investigation', period: { workingDays: 5 }, waivedUnless: 'preventativeWorkNeeded',
        duty: 'Begin preventative work within 5 working days of the investigation',
      },
      {
        clock: 'preventative_work_start', from: 'investigation', period: { calendarDays: 84 }, waivedUnless: 'preventativeWorkNeeded',
        duty: 'Have preventative work physically started within 12 weeks of the investigation',
      },
    ],
  },
];

/**
 * The regime a case falls under, or null when no statutory clocks apply (a significant hazard
 * of a type a later phase covers, or a member outside England): the case is still recorded.
 */
export function regimeFor(country: Country, hazardType: HazardType, severity: HazardSeverity): HazardRegime | null {
  return (
    HAZARD_REGIMES.find(
      (regime) =>
        regime.severity === severity &&
        regime.countries.includes(country) &&
        (regime.hazardTypes === 'all' || regime.hazardTypes.includes(hazardType)),
    ) ?? null
  );
}
