import { hearthContext, TenantEntity, TransactionManager } from '@hearth/platform-database';
import type { LetterLanguage } from '../rent.entities';

/**
 * Who a rent account's letters and statements are addressed to: the tenancy's first tenant (the
 * contract-holder in Wales), the earliest to join of those who have not left, read from the
 * tenancies tables (ADR 9: read, never written). A lateral join over `a`, a hearth.rent_account
 * row, giving `holder.holder_name` and `holder.holder_language` (null when the tenancy has no tenant).
 */
export const CONTRACT_HOLDER_JOIN = `left join lateral (
    select concat_ws(' ', p.title, p.given_name, p.family_name) as holder_name, p.preferred_language as holder_language
    from hearth.tenancy_party tp
    join hearth.person p on p.tenant_id = tp.tenant_id and p.id = tp.person_id
    where tp.tenant_id = a.tenant_id and tp.tenancy_id = a.tenancy_id and tp.role = 'tenant'
    order by tp.left_on is not null, tp.joined_on nulls first, p.id
    limit 1) holder on true`;

/** Addressed by when a tenancy has no tenant on record. */
export const NO_HOLDER: Record<LetterLanguage, string> = { en: 'The rent account holder', cy: 'Deiliad y cyfrif rhent' };

const MEMBER = Symbol('rent: the member');

/** The member bound to the unit of work, read once per unit of work from the member registry. */
export function currentMember(transactions: TransactionManager): Promise<TenantEntity> {
  const context = hearthContext.require();
  return context.memoize(MEMBER, async () => (await transactions.repository(TenantEntity)).findOneByOrFail({ id: context.requireTenantId() }));
}

/** The member's name as a letter or statement in `language` gives it: its Welsh name in Welsh, where it has one. */
export function memberName(member: Pick<TenantEntity, 'name' | 'nameCy'>, language: LetterLanguage): string {
  return language === 'cy' ? (member.nameCy ?? member.name) : member.name;
}
