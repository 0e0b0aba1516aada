import type { Client } from 'pg';
import { CalendarModule } from '@hearth/platform-calendar';
import { ImportsModule } from '@hearth/platform-imports';
import { AssetsModule } from '@hearth/housing-assets';
import { TenanciesModule } from '@hearth/housing-tenancies';
import { RentModule } from '../../rent.module';

/**
 * Test support for arrears, arrangements and statements: accounts and their ledgers arranged
 * in SQL as the superuser, so a test's arrangement never depends on the code it tests (the
 * ledger's trigger keeps the balances, as it does for every writer).
 */
export const RENT_MODULES = [ImportsModule, CalendarModule, AssetsModule, TenanciesModule, RentModule];

export interface AccountFields {
  reference: string;
  holder?: { title?: string; given: string; family: string; language?: 'en' | 'cy' } | null;
  /** A second tenant, who joined later: never the addressee. */
  jointHolder?: { given: string; family: string; language?: 'en' | 'cy' };
  address?: { line1: string; line2?: string; town?: string; postcode?: string };
  frequency?: 'weekly' | 'monthly';
  /** Per week for a weekly account, per month for a monthly one. */
  rentPence?: number;
  openedOn?: string;
}

/** A dwelling, its tenancy with its tenant(s), and a rent account with one rent schedule row. */
export async function arrangeAccount(admin: Client, tenantId: string, fields: AccountFields): Promise<string> {
  const address = fields.address ?? { line1: '1 Heol y Frenhines', town: 'Cardiff', postcode: 'CF10 1AA' };
  const { rows: [dwelling] } = await admin.query(
    `insert into hearth.asset (tenant_id, kind, address_line_1, address_line_2, town, postcode) values ($1, 'dwelling', $2, $3, $4, $5) returning id`,
    [tenantId, address.line1, address.line2 ?? null, address.town ?? null, address.postcode ?? null],
  );
  const { rows: [tenancy] } = await admin.query(
    `insert into hearth.tenancy (tenant_id, dwelling_id, tenure_type, start_date) values ($1, $2, 'assured', '2020-01-06') returning id`,
    [tenantId, dwelling.id],
  );
  const holder = fields.holder === undefined ? { given: 'Sam', family: 'Jones' } : fields.holder;
  const parties = [holder && { ...holder, joined: '2020-01-06' }, fields.jointHolder && { ...fields.jointHolder, joined: '2021-05-01' }];
  for (const party of parties) {
    if (!party) continue;
    const { rows: [person] } = await admin.query(
      `insert into hearth.person (tenant_id, title, given_name, family_name, preferred_language) values ($1, $2, $3, $4, $5) returning id`,
      [tenantId, 'title' in party ? (party.title ?? null) : null, party.given, party.family, party.language ?? 'en'],
    );
    await admin.query(
      `insert into hearth.tenancy_party (tenant_id, tenancy_id, person_id, role, joined_on) values ($1, $2, $3, 'tenant', $4)`,
      [tenantId, tenancy.id, person.id, party.joined],
    );
  }
  const frequency = fields.frequency ?? 'weekly';
  const { rows: [account] } = await admin.query(
    `insert into hearth.rent_account (tenant_id, tenancy_id, payment_reference, frequency, charge_weeks, opened_on)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [tenantId, tenancy.id, fields.reference, frequency, frequency === 'weekly' ? 52 : null, fields.openedOn ?? '2020-01-06'],
  );
  await admin.query(
    `insert into hearth.rent_charge_schedule (tenant_id, account_id, charge_type, effective_from, amount_pence, created_by) values ($1, $2, 'rent', '2020-01-06', $3, 'test')`,
    [tenantId, account.id, fields.rentPence ?? 10_000],
  );
  return account.id as string;
}

/** An adjustment moving the balance by `pence` (positive adds arrears): the simplest way to set one. */
export async function adjust(admin: Client, tenantId: string, accountId: string, pence: number, effectiveOn = '2026-01-05'): Promise<void> {
  await admin.query(
    `insert into hearth.rent_transaction (tenant_id, account_id, kind, amount_pence, effective_on, description, posted_by)
     values ($1, $2, 'adjustment', $3, $4, 'Test adjustment', 'test')`,
    [tenantId, accountId, pence, effectiveOn],
  );
}

export async function charge(
  admin: Client, tenantId: string, accountId: string, pence: number, periodStart: string, chargeType = 'rent', description = 'Rent',
): Promise<void> {
  await admin.query(
    `insert into hearth.rent_transaction (tenant_id, account_id, kind, amount_pence, effective_on, description, charge_type, period_start, period_end, posted_by)
     values ($1, $2, 'charge', $3, $4, $5, $6, $4, $4::date + 6, 'test')`,
    [tenantId, accountId, pence, periodStart, description, chargeType],
  );
}

/** A payment received and allocated to the account, with its ledger transaction; returns that transaction's id. */
export async function pay(admin: Client, tenantId: string, accountId: string, pence: number, receivedOn: string): Promise<{ paymentId: string; transactionId: string }> {
  const { rows: [payment] } = await admin.query(
    `insert into hearth.payment (tenant_id, source, channel, amount_pence, received_on, account_id, allocated_at, allocated_by, created_by)
     values ($1, 'staff', 'bank', $2, $3, $4, now(), 'test', 'test') returning id`,
    [tenantId, pence, receivedOn, accountId],
  );
  const { rows: [transaction] } = await admin.query(
    `insert into hearth.rent_transaction (tenant_id, account_id, kind, amount_pence, effective_on, description, payment_id, posted_by)
     values ($1, $2, 'payment', $3, $4, 'Payment received', $5, 'test') returning id`,
    [tenantId, accountId, -pence, receivedOn, payment.id],
  );
  return { paymentId: payment.id, transactionId: transaction.id };
}

/** Pays back (part of) a payment. */
export async function refund(admin: Client, tenantId: string, accountId: string, paid: { paymentId: string; transactionId: string }, pence: number, on: string): Promise<void> {
  await admin.query(
    `insert into hearth.rent_transaction (tenant_id, account_id, kind, amount_pence, effective_on, description, payment_id, pair_id, posted_by)
     values ($1, $2, 'refund', $3, $4, 'Refund', $5, $6, 'test')`,
    [tenantId, accountId, pence, on, paid.paymentId, paid.transactionId],
  );
}
