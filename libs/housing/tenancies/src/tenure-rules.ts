import type { Country } from '@hearth/platform-database';
import type { TenureType } from './tenancies.entities';

/**
 * Which tenures a member may grant, and what its staff call a tenancy, by the UK nation whose
 * housing law applies to it. Every rule is here, named and tested (tenure-rules.spec.ts).
 */

/** The Renting Homes (Wales) Act 2016 came into force: running tenancies became occupation contracts. */
export const WALES_OCCUPATION_CONTRACTS_FROM = '2022-12-01';
/** The Housing (Scotland) Act 2001 came into force: running tenancies became Scottish secure tenancies. */
export const SCOTTISH_SECURE_FROM = '2002-09-30';

const ENGLAND: readonly TenureType[] = [
  'secure', 'assured', 'assured_shorthold', 'starter', 'introductory', 'non_secure', 'leasehold',
  'shared_ownership', 'licence', 'temporary',
];

/**
 * Housing (Northern Ireland) Order 1983: social landlords grant secure and introductory
 * tenancies; the Housing Act 1988's assured family (assured, shorthold, starter) is English and
 * pre-2022 Welsh law only.
 */
const NORTHERN_IRELAND: readonly TenureType[] = ['secure', 'introductory', 'non_secure', 'leasehold', 'shared_ownership', 'licence', 'temporary'];

/** Housing (Scotland) Act 2001: the Scottish secure and short Scottish secure tenancies. */
const SCOTLAND: readonly TenureType[] = ['scottish_secure', 'short_scottish_secure', 'shared_ownership', 'licence', 'temporary'];
/** Before it: councils' secure tenancies (1987 Act) and associations' assured ones (1988 Act). */
const SCOTLAND_BEFORE_2002: readonly TenureType[] = ['secure', 'assured', 'shared_ownership', 'licence', 'temporary'];

/**
 * Since 1 December 2022 a Welsh landlord grants secure or standard occupation contracts, and
 * licences became contracts too. Outside the Act stay long leases (so leasehold and shared
 * ownership) and, for its first twelve months, homelessness accommodation (temporary).
 */
const WALES: readonly TenureType[] = ['secure_contract', 'standard_contract', 'leasehold', 'shared_ownership', 'temporary'];

/**
 * The tenures a tenancy may have on `asAt`. The law converted running tenancies when it changed
 * (Wales 2022, Scotland 2002), so the pre-reform lists only fit tenancies that ended before.
 */
export function allowedTenures(country: Country, asAt: string): readonly TenureType[] {
  switch (country) {
    case 'wales':
      return asAt >= WALES_OCCUPATION_CONTRACTS_FROM ? WALES : ENGLAND;
    case 'scotland':
      return asAt >= SCOTTISH_SECURE_FROM ? SCOTLAND : SCOTLAND_BEFORE_2002;
    case 'northern_ireland':
      return NORTHERN_IRELAND;
    case 'england':
      return ENGLAND;
  }
}

/**
 * The days each nation's tenures changed by law, for set-based checks (the bulk import) that
 * build allowedTenures into SQL: before and from each date the lists differ.
 */
export const TENURE_LAW_CHANGES: Readonly<Partial<Record<Country, string>>> = {
  wales: WALES_OCCUPATION_CONTRACTS_FROM,
  scotland: SCOTTISH_SECURE_FROM,
};

/** The day a tenancy's tenure is judged on: its last day once ended; while it runs, today (or its start, if later). */
export function tenureJudgedOn(startDate: string, endDate: string | null, today: string): string {
  return endDate ?? (startDate > today ? startDate : today);
}

export interface TerminologyWords {
  tenancy: string;
  tenancies: string;
  tenant: string;
  tenants: string;
}

/** Wales says "occupation contract" and "contract-holder" (Renting Homes (Wales) Act 2016); elsewhere "tenancy" and "tenant". */
export function terminologyFor(country: Country): TerminologyWords {
  return country === 'wales'
    ? { tenancy: 'occupation contract', tenancies: 'occupation contracts', tenant: 'contract-holder', tenants: 'contract-holders' }
    : { tenancy: 'tenancy', tenancies: 'tenancies', tenant: 'tenant', tenants: 'tenants' };
}

export const TENURE_LABELS: Record<TenureType, string> = {
  secure: 'Secure tenancy',
  assured: 'Assured tenancy',
  assured_shorthold: 'Assured shorthold tenancy',
  starter: 'Starter tenancy',
  introductory: 'Introductory tenancy',
  non_secure: 'Non-secure tenancy',
  leasehold: 'Leasehold',
  shared_ownership: 'Shared ownership',
  licence: 'Licence',
  temporary: 'Temporary accommodation',
  scottish_secure: 'Scottish secure tenancy',
  short_scottish_secure: 'Short Scottish secure tenancy',
  secure_contract: 'Secure occupation contract',
  standard_contract: 'Standard occupation contract',
};
