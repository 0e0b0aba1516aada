import { Injectable } from '@nestjs/common';
import { actorLabel, hearthContext, Outbox, TransactionManager } from '@hearth/platform-database';
import { type ImportCheck, type ImportColumn, type ImportCounts, type Importer } from '@hearth/platform-kernel';
import { PAYMENT_CHANNELS } from '../rent.entities';
import { RentEvent } from '../rent.permissions';
import { openAccountFor, paymentDescription, paymentEventPayload } from './payment-matching';

/** The most one payment may be: £1,000,000.00, as the payment table checks. */
export const MAX_PAYMENT_PENCE = 100_000_000;

const COLUMNS: ImportColumn[] = [
  {
    name: 'payment_id',
    required: true,
    maxLength: 100,
    description: "The bank's or provider's own id for the line, unique to the payment: how importing the same file again finds the payments it already holds.",
  },
  {
    name: 'payment_reference',
    maxLength: 100,
    description: "The reference the payer quoted. It pays the open rent account with that payment reference (compared in upper case, spaces removed); anything else waits in suspense.",
  },
  { name: 'amount', required: true, description: 'Pounds, with up to two decimals and no £ sign (12.50), more than 0 and at most 1000000; stored in pence.' },
  { name: 'received_on', required: true, type: 'date', description: 'The day the money was received; not in the future.' },
  { name: 'channel', required: true, values: PAYMENT_CHANNELS, description: 'How the money came.' },
  { name: 'payer', maxLength: 200, description: 'Who paid, as the bank names them. Optional; kept as the payment\'s note, so staff allocating from suspense can see it.' },
];

/** Pounds with up to two decimals, as pence; null for anything else. */
const AMOUNT_PENCE = `case when r.amount ~ '^[0-9]{1,7}(\\.[0-9]{1,2})?$' then round(r.amount::numeric * 100)::bigint end`;
/** Today in the UK, whatever the session's time zone. */
const UK_TODAY = `(now() at time zone 'Europe/London')::date`;
/** An amount in pence as pounds for a reason, e.g. £12.50. */
const pounds = (pence: string) => `'£' || to_char(${pence} / 100.0, 'FM9999990.00')`;

const CHECKS: ImportCheck[] = [
  { column: 'payment_id', failsWhen: 'p.first_line < r.line', reason: `hearth.import_quote(r.payment_id) || ' is already on line ' || p.first_line` },
  {
    column: 'payment_id',
    // Reported only for lines whose own values are good: a bad amount or date is reported as that.
    failsWhen: `p.existing_id is not null and p.amount_pence is not null and p.received_on is not null
      and (p.existing_amount_pence, p.existing_received_on, p.existing_channel, p.existing_reference)
          is distinct from (p.amount_pence, p.received_on, r.channel, r.payment_reference)`,
    reason: `hearth.import_quote(r.payment_id) || ' was imported on ' || to_char(p.existing_created_at at time zone 'Europe/London', 'YYYY-MM-DD')
      || ' as ' || ${pounds('p.existing_amount_pence')} || ' received on ' || p.existing_received_on || ' by ' || p.existing_channel
      || coalesce(' with reference ' || hearth.import_quote(p.existing_reference), ' with no reference')
      || '; this line differs, and a payment_id names one payment'`,
  },
  { column: 'amount', failsWhen: `r.amount ~ '^-'`, reason: `hearth.import_quote(r.amount) || ' is negative; a payment is more than 0 (refunds are posted in Hearth)'` },
  {
    column: 'amount',
    failsWhen: `r.amount !~ '^-' and p.amount_pence is null`,
    reason: `hearth.import_quote(r.amount) || ' is not an amount in pounds (write 12.50, with at most two decimals and no £ sign or commas)'`,
  },
  { column: 'amount', failsWhen: 'p.amount_pence = 0', reason: `hearth.import_quote(r.amount) || ' is zero; a payment is more than 0'` },
  { column: 'amount', failsWhen: `p.amount_pence > ${MAX_PAYMENT_PENCE}`, reason: `hearth.import_quote(r.amount) || ' is more than 1000000.00, the most one payment may be'` },
  {
    column: 'received_on',
    failsWhen: `p.received_on > ${UK_TODAY}`,
    reason: `hearth.import_quote(r.received_on) || ' is in the future; the day the money was received is today (' || ${UK_TODAY} || ') or earlier'`,
  },
];

/**
 * Payments from a bank, allpay or Universal Credit file, keyed by each line's payment_id. New
 * lines are recorded; those whose reference names an open rent account are allocated to it
 * with their ledger transactions in one statement (the ledger's trigger moves the balances),
 * and the rest wait in suspense. Lines already imported are left alone, so a file imported
 * twice changes nothing; a line whose payment_id was imported with other details is refused.
 */
@Injectable()
export class PaymentImporter implements Importer {
  readonly kind = 'payments';
  readonly description = 'Payments received (a bank, allpay or Universal Credit file), allocated to rent accounts by payment reference; the rest go to suspense.';
  readonly columns = COLUMNS;
  readonly checksFrom = 'import_rows r join import_payment p on p.line = r.line';
  readonly checks = CHECKS;

  constructor(
    private readonly transactions: TransactionManager,
    private readonly outbox: Outbox,
  ) {}

  /**
   * One row per line: its amount in pence and day, the first line with its payment_id, the
   * payment already imported under that id (with what it recorded), and otherwise the new
   * payment's id and the account its reference pays.
   */
  async prepare(): Promise<void> {
    await this.transactions.query(`
      create temporary table import_payment on commit drop as
      select r.line, ${AMOUNT_PENCE} as amount_pence, hearth.import_date(r.received_on) as received_on,
             -- Byte order is all a duplicate needs, and sorts 50,000 ids in a third of the time the collation takes.
             min(r.line) over (partition by r.payment_id collate "C") as first_line,
             e.id as existing_id, e.amount_pence as existing_amount_pence, e.received_on as existing_received_on,
             e.channel as existing_channel, e.payment_reference as existing_reference, e.created_at as existing_created_at,
             case when e.id is null then gen_random_uuid() end as id,
             case when e.id is null then a.id end as account_id,
             case when e.id is null and a.id is not null then gen_random_uuid() end as transaction_id
      from import_rows r
      left join hearth.payment e on e.source = 'file' and e.external_id = r.payment_id
      ${openAccountFor('r.payment_reference')}`);
  }

  async apply(): Promise<ImportCounts> {
    const by = actorLabel(hearthContext.require().actor);
    await this.transactions.query(
      `insert into hearth.payment (tenant_id, id, source, channel, payment_reference, amount_pence, received_on, external_id,
                                   account_id, allocated_at, allocated_by, note, created_by)
       select (select hearth.current_tenant_id()), p.id, 'file', r.channel, r.payment_reference, p.amount_pence, p.received_on, r.payment_id,
              p.account_id, case when p.account_id is not null then now() end, case when p.account_id is not null then $1 end,
              'Payer: ' || r.payer, $1
       from import_rows r join import_payment p on p.line = r.line
       where p.existing_id is null`,
      [by],
    );
    // One statement for every allocated line, so the ledger's trigger moves each balance once.
    await this.transactions.query(
      `insert into hearth.rent_transaction (tenant_id, id, account_id, kind, amount_pence, effective_on, description, payment_id, posted_by)
       select (select hearth.current_tenant_id()), p.transaction_id, p.account_id, 'payment', -p.amount_pence, p.received_on, ${paymentDescription('r.channel')}, p.id, $1
       from import_payment p join import_rows r on r.line = p.line
       where p.account_id is not null`,
      [by],
    );
    // The payment columns the event payload reads, for the lines recorded now.
    const recorded = `
      from import_payment x join import_rows r on r.line = x.line
      cross join lateral (select x.id, x.account_id, 'file' as source, r.channel, r.payment_reference, x.amount_pence, x.received_on) p
      where x.id is not null`;
    const posted = await this.outbox.publishRows(
      { type: RentEvent.PaymentPosted, aggregateType: 'rent_account' },
      `select x.account_id as aggregate_id, ${paymentEventPayload('p')} || jsonb_build_object('transactionId', x.transaction_id) as payload
       ${recorded} and x.account_id is not null`,
    );
    const suspended = await this.outbox.publishRows(
      { type: RentEvent.PaymentSuspended, aggregateType: 'payment' },
      `select x.id as aggregate_id, ${paymentEventPayload('p')} as payload ${recorded} and x.account_id is null`,
    );
    const [{ unchanged }] = await this.transactions.query<{ unchanged: number }>(`select count(*)::int as unchanged from import_payment where existing_id is not null`);
    return { inserted: posted + suspended, updated: 0, unchanged };
  }
}

