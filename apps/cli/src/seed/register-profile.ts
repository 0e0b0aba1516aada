import type { Country } from '@hearth/platform-database';
import type { PersonAlertCode, TenureType } from '@hearth/housing-tenancies';

/**
 * The shape of a generated register, in one place: each figure is a plain share or weight,
 * chosen to look like a social landlord's stock and households (English Housing Survey and
 * Scottish Housing Regulator figures, rounded), not a statistical model of any one landlord.
 */

/** A value and its relative weight. */
export type Weighted<T> = ReadonlyArray<readonly [T, number]>;

/** Dated the same for every run, so "current" and "ended" mean the same thing in every copy of a dataset. */
export const REFERENCE_DATE = '2026-04-01';

/**
 * The day every generated member moved onto Hearth. Tenancy events are what Hearth records as
 * things happen, so they exist from here on; what happened before came over from the old
 * system as dates and legacy references, as it does in a real migration.
 */
export const GO_LIVE_DATE = '2024-04-01';

/** Share of dwellings with a live tenancy; the rest are voids between lettings. */
export const OCCUPANCY = 0.96;

/** People per household: many single people and couples, some families (1 to 5). */
export const HOUSEHOLD_SIZES: Weighted<number> = [[1, 42], [2, 26], [3, 14], [4, 11], [5, 7]];

/** Of households of two or more, the share whose second person is the tenant's partner, and of those, joint tenants. */
export const PARTNER_SHARE = 0.65;
export const JOINT_SHARE_OF_PARTNERS = 0.55;
/** Household members after the second. */
export const OTHER_RELATIONSHIPS: Weighted<string> = [['child', 85], ['parent', 5], ['sibling', 4], ['relative', 4], ['carer', 1], ['lodger', 1]];

/** Years since the current tenancy began: exponential with this mean, at most 45 years, never before the home was built. */
export const MEAN_TENANCY_YEARS = 11;
/** Share of dwellings with an earlier, ended tenancy on record (occupied ones, and voids: the last letting). */
export const PREVIOUS_TENANCY_SHARE = { occupied: 0.1, void: 0.85 };
export const END_REASONS: Weighted<string> = [
  ['notice', 45], ['death', 18], ['transfer', 15], ['mutual_exchange', 6], ['eviction', 3], ['abandonment', 4], ['succession', 5], ['other', 4],
];

export const BEDROOMS = {
  flat: [[0, 5], [1, 45], [2, 40], [3, 10]] as Weighted<number>,
  house: [[2, 30], [3, 55], [4, 12], [5, 3]] as Weighted<number>,
  bungalow: [[1, 60], [2, 40]] as Weighted<number>,
};

/** Shares of homes that are not rented: leasehold flats (bought under right to buy or acquire) and shared ownership in newer houses. */
export const OWNERSHIP: Record<Country, { leaseholdFlats: number; sharedOwnershipNewHouses: number }> = {
  england: { leaseholdFlats: 0.1, sharedOwnershipNewHouses: 0.15 },
  wales: { leaseholdFlats: 0.05, sharedOwnershipNewHouses: 0.05 },
  // Scotland has no leasehold of flats and little shared ownership in housing associations' registers.
  scotland: { leaseholdFlats: 0, sharedOwnershipNewHouses: 0 },
  northern_ireland: { leaseholdFlats: 0, sharedOwnershipNewHouses: 0.05 },
};

/** Rented tenures besides the country's main one, as shares of rented tenancies; see tenure-rules.ts for the dated rules. */
export const MINOR_TENURES: Record<Country, Weighted<TenureType>> = {
  england: [['assured_shorthold', 4], ['temporary', 1], ['non_secure', 0.5], ['licence', 0.5]],
  wales: [['standard_contract', 3]],
  scotland: [['short_scottish_secure', 5]],
  northern_ireland: [],
};
/** Share of tenancies in their first year that are still probationary (starter, introductory, introductory standard contract). */
export const PROBATION_SHARE = 0.85;

/** Share of people with a live alert, and which (HACT person alert codes). */
export const ALERT_SHARE = 0.035;
export const ALERT_CODES: Weighted<PersonAlertCode> = [['10', 15], ['20-10', 15], ['20-50', 20], ['20-70', 10], ['40', 15], ['50', 10], ['60', 15]];

/** Share of people who prefer Welsh, by the member's first language. */
export const WELSH_SPEAKERS = { welshFirst: 0.45, englishFirst: 0.2 };

export const COMMUNICATION_NEEDS: Weighted<string | null> = [
  ['large_print', 2], ['language_interpreter', 1], ['easy_read', 0.5], ['bsl_interpreter', 0.2], [null, 96.3],
];
