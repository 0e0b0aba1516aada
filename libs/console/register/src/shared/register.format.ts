import { SessionStore } from '@hearth/console-core';
import type { RegisterAssetLineFragment, RegisterTenancyLineFragment } from '../graphql.generated';

interface Named {
  title?: string | null;
  givenName: string;
  familyName: string;
}

export function personName(person: Named): string {
  return [person.title, person.givenName, person.familyName].filter(Boolean).join(' ');
}

/** How staff recognise an asset: its first address line (or an estate's or block's name), town and postcode. */
export function assetLabel(asset: Pick<RegisterAssetLineFragment, 'name' | 'addressLine1' | 'postcode'>): string {
  return [asset.addressLine1 ?? asset.name, asset.postcode].filter(Boolean).join(', ');
}

export function assetAddress(asset: Pick<RegisterAssetLineFragment, 'addressLine1' | 'addressLine2' | 'town' | 'postcode'>): string {
  return [asset.addressLine1, asset.addressLine2, asset.town, asset.postcode].filter(Boolean).join(', ');
}

/** The tenancy's current tenants by name, joint tenants together. */
export function tenantNames(tenancy: Pick<RegisterTenancyLineFragment, 'parties'>): string {
  return tenancy.parties
    .filter((party) => party.role === 'TENANT')
    .map((party) => personName(party.person))
    .join(' & ');
}

/** Tenant admins and housing officers change the register (assets and tenancies modules' `write` permission). */
export function canWriteRegister(session: SessionStore): boolean {
  return session.hasRole('tenant-admin') || session.hasRole('housing-officer');
}

/** What a create or change came to, for a form to show: problems by field, or one message. */
export type FormOutcome<T = void> = { saved: true; value: T } | { saved: false; problems: Record<string, string>; message: string | null };
