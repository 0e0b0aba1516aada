import { Readable } from 'node:stream';
import { ukDay } from '@hearth/platform-calendar';
import { TransactionManager } from '@hearth/platform-database';
import { ImportService } from '@hearth/platform-imports';
import { addDays, ArrangementService, ArrearsTask, Ledger, RentAccountService, weekStart, type ChargeType } from '@hearth/housing-rent';
import type { DemoStep } from '../demo-step';

/** Weeks of charges before this one: enough for a few accounts to reach the recovery stages. */
const WEEKS_CHARGED = 8;

/**
 * The demo's accounts, by the tenancy's reference in docs/imports/tenancies.csv: one paying its
 * way (a little in credit), one some weeks behind that agrees an arrangement, and one far behind.
 */
const ACCOUNTS: readonly { tenancy: string; reference: string; charges: { type: ChargeType; pence: number }[]; paidWeeks: 'all' | number; extraPence: number }[] = [
  { tenancy: 'T-0001', reference: 'MH-0001', charges: [{ type: 'rent', pence: 9_550 }, { type: 'service_charge', pence: 425 }], paidWeeks: 'all', extraPence: 2_000 },
  { tenancy: 'T-0002', reference: 'MH-0002', charges: [{ type: 'rent', pence: 11_000 }], paidWeeks: 4, extraPence: 0 },
  { tenancy: 'T-0004', reference: 'MH-0004', charges: [{ type: 'rent', pence: 10_200 }], paidWeeks: 1, extraPence: 0 },
];

const CHARGE_NAMES: Record<ChargeType, string> = { rent: 'Rent', service_charge: 'Service charge', other: 'Other charge' };

const shortDay = (day: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/**
 * Rent for the register's live tenancies: weekly accounts opened some weeks ago, each week's
 * charges on the ledger, a payment file (two of whose lines match no account and wait in
 * suspense), recovery run as the hourly schedule would, and an arrangement on the account in
 * arrears. Runs once per member: a member that has rent accounts already is left as it is,
 * since the days are relative to today and a second file with other days would be refused.
 */
export const rentDemo: DemoStep = {
  name: 'rent accounts',
  modules: ['rent'],
  async run(app) {
    const transactions = app.get(TransactionManager);
    const [{ any }] = await transactions.query<{ any: boolean }>(`select exists (select 1 from hearth.rent_account) as any`);
    if (any) return [];
    const tenancies = await transactions.query<{ id: string; reference: string }>(
      `select t.id, r.reference from hearth.tenancy t join hearth.tenancy_reference r on r.tenant_id = t.tenant_id and r.tenancy_id = t.id
       where r.reference = any($1::text[]) and t.start_date <= current_date and (t.end_date is null or t.end_date >= current_date)`,
      [ACCOUNTS.map((account) => account.tenancy)],
    );
    if (!tenancies.length) return [];

    const today = ukDay(new Date());
    const openedOn = addDays(weekStart(today), -7 * WEEKS_CHARGED);
    const weeks = Array.from({ length: WEEKS_CHARGED + 1 }, (_, week) => addDays(openedOn, 7 * week));
    const added: string[] = [];
    const payments: string[] = [];
    const opened = new Map<string, string>();

    for (const demo of ACCOUNTS) {
      const tenancy = tenancies.find((row) => row.reference === demo.tenancy);
      if (!tenancy) continue;
      const account = await app.get(RentAccountService).open({
        tenancyId: tenancy.id, frequency: 'weekly', chargeWeeks: 52, openedOn, paymentReference: demo.reference,
        charges: demo.charges.map((charge) => ({ chargeType: charge.type, amountPence: charge.pence, effectiveFrom: openedOn, description: null })),
      });
      if (!('paymentReference' in account) || 'code' in account) throw new Error(`The demo's rent account ${demo.reference} was refused: ${JSON.stringify(account)}`);
      opened.set(demo.reference, account.id);
      for (const start of weeks) {
        for (const charge of demo.charges) {
          await app.get(Ledger).post({
            accountId: account.id, kind: 'charge', amountPence: charge.pence, effectiveOn: start, chargeType: charge.type,
            periodStart: start, periodEnd: addDays(start, 6), description: `${CHARGE_NAMES[charge.type]} w/c ${shortDay(start)}`,
          });
        }
      }
      const weekly = demo.charges.reduce((sum, charge) => sum + charge.pence, 0);
      const paid = demo.paidWeeks === 'all' ? weeks : weeks.slice(0, demo.paidWeeks);
      const channel = demo.paidWeeks === 'all' ? 'direct_debit' : 'universal_credit';
      paid.forEach((start, week) => payments.push(`DEMO-${demo.reference}-${week + 1},${demo.reference},${pounds(weekly)},${start},${channel},`));
      if (demo.extraPence) payments.push(`DEMO-${demo.reference}-extra,${demo.reference},${pounds(demo.extraPence)},${today},card,`);
      added.push(`rent account ${demo.reference} (${weeks.length} weeks charged)`);
    }
    // What a bank file really brings: a reference mistyped (a letter O for a zero) and one left blank.
    payments.push(`DEMO-SUSPENSE-1,MH-OOO2,110.00,${addDays(today, -2)},bank,MR D OKAFOR`);
    payments.push(`DEMO-SUSPENSE-2,,45.00,${addDays(today, -1)},bank,A N OTHER`);

    const file = ['payment_id,payment_reference,amount,received_on,channel,payer', ...payments].join('\n') + '\n';
    const outcome = await app.get(ImportService).import('payments', () => Readable.from([Buffer.from(file)]));
    if (outcome.status !== 'succeeded') throw new Error(`The demo's payments were refused: ${JSON.stringify(outcome.problems.slice(0, 3))}`);
    added.push(`${outcome.counts.inserted} payments (2 in suspense)`);

    const recovery = await app.get(ArrearsTask).run();
    added.push(`${recovery.stagesEntered} accounts entered recovery`);

    const behind = opened.get('MH-0002');
    if (behind) {
      const arrangement = await app.get(ArrangementService).make({
        accountId: behind, instalmentPence: 1_500, frequency: 'weekly', startsOn: addDays(weekStart(today), 7), note: 'Agreed by phone',
      });
      if ('code' in arrangement) throw new Error(`The demo's arrangement was refused: ${JSON.stringify(arrangement)}`);
      added.push('a payment arrangement on MH-0002');
    }
    return added;
  },
};

const pounds = (pence: number) => (pence / 100).toFixed(2);
