import type { Country } from '@hearth/platform-database';
import type { TenureType } from '@hearth/housing-tenancies';
import { MINOR_TENURES, PROBATION_SHARE } from './register-profile';
import { sqlLiteral } from './sql-builder';

/** SQL expressions a tenure depends on. */
export interface TenureInputs {
  start: string;
  /** The day the tenure is judged on: the end date of an ended tenancy, else the reference date. */
  asAt: string;
  /** 'rented', 'leasehold' or 'shared_ownership'. */
  ownership: string;
  /** Uniform draws in [0, 1): one for probation, one for the minor tenures. */
  probationDraw: string;
  minorDraw: string;
}

/** The law's dates, each the day a new kind of tenancy began. */
const HOUSING_ACT_1988 = `date '1989-01-15'`; // English and Welsh associations let assured tenancies from here
const HOUSING_SCOTLAND_ACT_1988 = `date '1989-01-02'`;
const SCOTTISH_SECURE = `date '2002-09-30'`; // Housing (Scotland) Act 2001: secure and assured tenancies became Scottish secure
const RENTING_HOMES_WALES = `date '2022-12-01'`; // Renting Homes (Wales) Act 2016: tenancies became occupation contracts

/**
 * The tenure of a tenancy as a SQL CASE, by the member's country and the law on the day it is
 * judged (its end, or the reference date while it runs): secure if it began before 1989,
 * assured after, in England, and in Wales until December 2022, when every tenancy became a
 * secure or standard occupation contract; in Scotland likewise until September 2002, when
 * both became Scottish secure tenancies; a probationary tenure in its first year; leasehold
 * and shared ownership by the home.
 */
export function tenureSql(country: Country, t: TenureInputs): string {
  const firstYear = `(${t.asAt} - ${t.start}) < 365 and ${t.probationDraw} < ${PROBATION_SHARE}`;
  const minor = minorTenures(country, t.minorDraw);
  const englishRules = (probationary: TenureType) => `
    when ${t.start} < ${HOUSING_ACT_1988} then 'secure'
    when ${firstYear} then ${sqlLiteral(probationary)}
    ${minor}
    else 'assured'`;
  const rented: Record<Country, string> = {
    england: englishRules('starter'),
    wales: `
      when ${t.asAt} < ${RENTING_HOMES_WALES} then case ${englishRules('starter')} end
      when ${firstYear} then 'standard_contract'
      ${minor}
      else 'secure_contract'`,
    scotland: `
      when ${t.asAt} < ${SCOTTISH_SECURE} then case when ${t.start} < ${HOUSING_SCOTLAND_ACT_1988} then 'secure' else 'assured' end
      ${minor}
      else 'scottish_secure'`,
    northern_ireland: `
      when ${firstYear} then 'introductory'
      else 'secure'`,
  };
  return `case ${t.ownership} when 'leasehold' then 'leasehold' when 'shared_ownership' then 'shared_ownership' else case ${rented[country]} end end`;
}

/** `when draw < share then 'tenure'` for each minor tenure, shares as percentages of rented tenancies. */
function minorTenures(country: Country, draw: string): string {
  let cumulative = 0;
  return MINOR_TENURES[country]
    .map(([tenure, percent]) => {
      cumulative += percent / 100;
      return `when ${draw} < ${cumulative} then ${sqlLiteral(tenure)}`;
    })
    .join(' ');
}
