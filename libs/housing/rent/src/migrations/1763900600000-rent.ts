import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from '@hearth/platform-database';

/** A constant list as a SQL check: `column in ('a', 'b')`. */
const oneOf = (column: string, values: readonly string[]) => `${column} in (${values.map((v) => `'${v}'`).join(', ')})`;

// Kept here, not imported, so this migration says what the tables were when it was written.
const CHARGE_TYPES = ['rent', 'service_charge', 'other'];
const TRANSACTION_KINDS = ['charge', 'payment', 'refund', 'transfer_in', 'transfer_out', 'adjustment'];
const PAYMENT_CHANNELS = ['bank', 'card', 'direct_debit', 'standing_order', 'housing_benefit', 'universal_credit', 'cash', 'cheque', 'other'];

/**
 * Rent and income: an account per tenancy with its charge schedule, one append-only ledger of
 * transactions, rent runs, payments (allocated or in suspense), arrears recovery, payment
 * arrangements and the letters and tasks recovery produces.
 *
 * The account's balance is kept by PostgreSQL, not by the services: a statement-level trigger on
 * the ledger adds each statement's new transactions to their accounts' balances, locking those
 * accounts in id order first. So every writer (a posting, a rent run's bulk insert, a payment
 * import) keeps balance = sum of transactions, concurrent writers serialise per account without
 * deadlocking each other, and nothing may update or delete a transaction: corrections are new
 * transactions.
 */
export class Rent1763900600000 implements MigrationInterface {
  name = 'Rent1763900600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table hearth.rent_account (
        tenant_id uuid not null references hearth.tenant (id),
        id uuid not null default gen_random_uuid(),
        tenancy_id uuid not null,
        -- What the tenant quotes when paying (bank giro, allpay, UC): how payments find the account.
        payment_reference text not null check (payment_reference ~ '^[A-Z0-9][A-Z0-9/-]{2,29}$'),
        frequency text not null check (frequency in ('weekly', 'monthly')),
        -- Weekly accounts only: how many weeks of the rent year are charged (52, or 50 or 48 with
        -- rent-free weeks, which the member's settings name).
        charge_weeks smallint check (charge_weeks in (48, 50, 52)),
        opened_on date not null,
        closed_on date,
        -- Kept by the ledger's trigger; never written otherwise.
        balance_pence bigint not null default 0,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (tenant_id, tenancy_id),
        unique (tenant_id, payment_reference),
        foreign key (tenant_id, tenancy_id) references hearth.tenancy (tenant_id, id),
        check ((frequency = 'weekly') = (charge_weeks is not null)),
        check (closed_on is null or closed_on >= opened_on)
      ) with (fillfactor = 50)`);
    // No index holds balance_pence, and each page keeps room: the ledger's trigger updates a
    // balance for every posting, and an update that touches no indexed column and fits its page
    // is a HOT update (no index entries written), a third of a rent run's cost otherwise. Lists
    // by arrears sort a member's accounts instead (tens of thousands at most).
    await isolateTenantTable(q, 'rent_account');

    // What is charged, from when: a row per change (the April rent review adds one per account and type).
    await q.query(`
      create table hearth.rent_charge_schedule (
        tenant_id uuid not null references hearth.tenant (id),
        account_id uuid not null,
        charge_type text not null check (${oneOf('charge_type', CHARGE_TYPES)}),
        effective_from date not null,
        -- Per charged week for a weekly account, per month for a monthly one.
        amount_pence bigint not null check (amount_pence between 0 and 10000000),
        description text check (length(description) <= 200),
        created_at timestamptz not null default now(),
        created_by text not null,
        primary key (tenant_id, account_id, charge_type, effective_from),
        foreign key (tenant_id, account_id) references hearth.rent_account (tenant_id, id) on delete cascade
      )`);
    await isolateTenantTable(q, 'rent_charge_schedule');

    await q.query(`
      create table hearth.rent_run (
        tenant_id uuid not null references hearth.tenant (id),
        id uuid not null default gen_random_uuid(),
        frequency text not null check (frequency in ('weekly', 'monthly')),
        period_start date not null,
        period_end date not null,
        dry_run boolean not null default false,
        status text not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed')),
        accounts integer,
        charges_posted integer,
        charges_already_posted integer,
        total_pence bigint,
        error text,
        started_by text not null,
        queued_at timestamptz not null default now(),
        started_at timestamptz,
        finished_at timestamptz,
        primary key (tenant_id, id),
        check (period_end >= period_start)
      )`);
    await q.query(`create index rent_run_by_period on hearth.rent_run (tenant_id, period_start desc, queued_at desc)`);
    await isolateTenantTable(q, 'rent_run');

    await q.query(`
      create table hearth.payment (
        tenant_id uuid not null references hearth.tenant (id),
        id uuid not null default gen_random_uuid(),
        source text not null check (source in ('file', 'partner', 'staff')),
        channel text not null check (${oneOf('channel', PAYMENT_CHANNELS)}),
        -- As the payer gave it; matched to rent_account.payment_reference after normalising.
        payment_reference text check (length(payment_reference) <= 100),
        amount_pence bigint not null check (amount_pence > 0 and amount_pence <= 100000000),
        received_on date not null,
        -- Idempotency: a file's line keeps the id the bank or provider gave it; a partner's
        -- posting its client id and idempotency key.
        external_id text check (length(external_id) between 1 and 100),
        client_id text,
        idempotency_key text check (length(idempotency_key) between 1 and 200),
        -- The body of a partner's posting, so a reused key with a different payment is refused.
        request_sha256 text check (request_sha256 ~ '^[0-9a-f]{64}$'),
        import_run_id uuid,
        -- Null while in suspense.
        account_id uuid,
        allocated_at timestamptz,
        allocated_by text,
        note text check (length(note) <= 1000),
        created_at timestamptz not null default now(),
        created_by text not null,
        primary key (tenant_id, id),
        foreign key (tenant_id, account_id) references hearth.rent_account (tenant_id, id),
        check ((account_id is null) = (allocated_at is null)),
        check ((idempotency_key is null) = (client_id is null))
      )`);
    await q.query(`create unique index payment_by_external_id on hearth.payment (tenant_id, source, external_id) where external_id is not null`);
    await q.query(`create unique index payment_by_idempotency_key on hearth.payment (tenant_id, client_id, idempotency_key) where idempotency_key is not null`);
    await q.query(`create index payment_in_suspense on hearth.payment (tenant_id, received_on, id) where account_id is null`);
    await q.query(`create index payment_by_account on hearth.payment (tenant_id, account_id, received_on) where account_id is not null`);
    await q.query(`create index payment_by_received on hearth.payment (tenant_id, received_on desc, id desc)`);
    await isolateTenantTable(q, 'payment');

    // The ledger. Amounts are signed from the member's side: a charge is positive (owed), a
    // payment negative; the balance is their sum, positive when in arrears.
    await q.query(`
      create table hearth.rent_transaction (
        -- No key to hearth.tenant of its own: the account's key (tenant_id leads it) implies the
        -- member, and a rent run checks every foreign key of every charge it posts.
        tenant_id uuid not null,
        id uuid not null default gen_random_uuid(),
        account_id uuid not null,
        kind text not null check (${oneOf('kind', TRANSACTION_KINDS)}),
        amount_pence bigint not null check (amount_pence <> 0),
        -- The day it counts from in statements and arrears (a charge's period start, a payment's receipt).
        effective_on date not null,
        posted_at timestamptz not null default now(),
        description text not null check (length(description) between 1 and 200),
        charge_type text check (${oneOf('charge_type', CHARGE_TYPES)}),
        period_start date,
        period_end date,
        rent_run_id uuid,
        payment_id uuid,
        -- Ties the halves of a transfer together, and a refund to the payment it pays back.
        pair_id uuid,
        posted_by text not null,
        primary key (tenant_id, id),
        foreign key (tenant_id, account_id) references hearth.rent_account (tenant_id, id),
        foreign key (tenant_id, payment_id) references hearth.payment (tenant_id, id),
        check ((kind = 'charge') = (charge_type is not null and period_start is not null and period_end is not null)),
        check (kind <> 'charge' or amount_pence > 0),
        check (kind <> 'payment' or (amount_pence < 0 and payment_id is not null)),
        -- A refund pays back (part of) a payment: paired with that payment's transaction.
        check (kind <> 'refund' or (amount_pence > 0 and payment_id is not null and pair_id is not null)),
        -- A transfer moves credit between two accounts: out of one (+), into the other (-), sharing pair_id.
        check (kind <> 'transfer_out' or (amount_pence > 0 and pair_id is not null)),
        check (kind <> 'transfer_in' or (amount_pence < 0 and pair_id is not null))
      )`);
    // A period's charge of a type is posted once per account, however often a run is repeated or resumed.
    await q.query(`create unique index rent_transaction_one_charge on hearth.rent_transaction (tenant_id, account_id, charge_type, period_start) where kind = 'charge'`);
    await q.query(`create index rent_transaction_by_account on hearth.rent_transaction (tenant_id, account_id, effective_on, posted_at)`);
    // A payment is allocated once: one payment transaction per payment.
    await q.query(`create unique index rent_transaction_one_allocation on hearth.rent_transaction (tenant_id, payment_id) where kind = 'payment'`);
    await isolateTenantTable(q, 'rent_transaction');

    await q.query(`
      create function hearth.rent_transaction_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'the rent ledger is append-only: correct it with a new transaction' using errcode = 'insufficient_privilege';
      end $$`);
    await q.query(`create trigger rent_transaction_append_only before update or delete on hearth.rent_transaction
      for each row execute function hearth.rent_transaction_append_only()`);
    await q.query(`revoke update, delete, truncate on hearth.rent_transaction from hearth_app`);

    await q.query(`
      create function hearth.rent_balance_from_ledger() returns trigger language plpgsql as $$
      begin
        -- Lock the accounts in id order first, so two bulk writers never wait on each other in a cycle.
        perform 1 from hearth.rent_account a
          where (a.tenant_id, a.id) in (select distinct n.tenant_id, n.account_id from new_rows n)
          order by a.tenant_id, a.id
          for no key update;
        update hearth.rent_account a
          set balance_pence = a.balance_pence + d.delta, updated_at = now()
          from (select n.tenant_id, n.account_id, sum(n.amount_pence) as delta from new_rows n group by n.tenant_id, n.account_id) d
          where a.tenant_id = d.tenant_id and a.id = d.account_id;
        return null;
      end $$`);
    await q.query(`create trigger rent_balance_from_ledger after insert on hearth.rent_transaction
      referencing new table as new_rows for each statement execute function hearth.rent_balance_from_ledger()`);

    // Recovery: the stage an account is at, and how it got there (stages are the member's settings).
    await q.query(`
      create table hearth.arrears_stage_entry (
        tenant_id uuid not null references hearth.tenant (id),
        id uuid not null default gen_random_uuid(),
        account_id uuid not null,
        stage text not null check (length(stage) between 1 and 40),
        entered_at timestamptz not null default now(),
        left_at timestamptz,
        balance_pence bigint not null,
        entered_by text not null,
        primary key (tenant_id, id),
        foreign key (tenant_id, account_id) references hearth.rent_account (tenant_id, id),
        check (left_at is null or left_at >= entered_at)
      )`);
    // One current stage per account.
    await q.query(`create unique index arrears_stage_current on hearth.arrears_stage_entry (tenant_id, account_id) where left_at is null`);
    await isolateTenantTable(q, 'arrears_stage_entry');

    // Letters recovery produced, rendered in the contract-holder's language and kept as sent.
    await q.query(`
      create table hearth.rent_letter (
        tenant_id uuid not null references hearth.tenant (id),
        id uuid not null default gen_random_uuid(),
        account_id uuid not null,
        stage_entry_id uuid,
        template text not null,
        language text not null check (language in ('en', 'cy')),
        addressee text not null,
        subject text not null,
        body text not null,
        created_at timestamptz not null default now(),
        primary key (tenant_id, id),
        foreign key (tenant_id, account_id) references hearth.rent_account (tenant_id, id),
        foreign key (tenant_id, stage_entry_id) references hearth.arrears_stage_entry (tenant_id, id)
      )`);
    await q.query(`create index rent_letter_by_account on hearth.rent_letter (tenant_id, account_id, created_at desc)`);
    await isolateTenantTable(q, 'rent_letter');


    await q.query(`
      create table hearth.payment_arrangement (
        tenant_id uuid not null references hearth.tenant (id),
        id uuid not null default gen_random_uuid(),
        account_id uuid not null,
        -- Paid on top of the rent, on the schedule below.
        instalment_pence bigint not null check (instalment_pence > 0),
        frequency text not null check (frequency in ('weekly', 'fortnightly', 'monthly')),
        starts_on date not null,
        -- What the arrangement is to clear; it completes once paid.
        arrears_pence bigint not null check (arrears_pence > 0),
        status text not null default 'active' check (status in ('active', 'broken', 'completed', 'cancelled')),
        -- Set once, by the job that finds it broken (and raises the event).
        broken_at timestamptz,
        ended_at timestamptz,
        note text check (length(note) <= 1000),
        created_at timestamptz not null default now(),
        created_by text not null,
        primary key (tenant_id, id),
        foreign key (tenant_id, account_id) references hearth.rent_account (tenant_id, id),
        check ((status = 'broken') = (broken_at is not null)),
        check ((status = 'active') = (ended_at is null))
      )`);
    await q.query(`create unique index payment_arrangement_active on hearth.payment_arrangement (tenant_id, account_id) where status = 'active'`);
    await q.query(`create index payment_arrangement_by_account on hearth.payment_arrangement (tenant_id, account_id, created_at desc)`);
    await q.query(`create index payment_arrangement_by_created on hearth.payment_arrangement (tenant_id, created_at desc, id desc)`);
    await isolateTenantTable(q, 'payment_arrangement');

    await q.query(`
      create table hearth.arrangement_instalment (
        tenant_id uuid not null references hearth.tenant (id),
        arrangement_id uuid not null,
        due_on date not null,
        amount_pence bigint not null check (amount_pence > 0),
        primary key (tenant_id, arrangement_id, due_on),
        foreign key (tenant_id, arrangement_id) references hearth.payment_arrangement (tenant_id, id) on delete cascade
      )`);
    await isolateTenantTable(q, 'arrangement_instalment');

    await q.query(`
      create table hearth.income_task (
        tenant_id uuid not null references hearth.tenant (id),
        id uuid not null default gen_random_uuid(),
        account_id uuid not null,
        stage_entry_id uuid,
        arrangement_id uuid,
        kind text not null check (length(kind) between 1 and 40),
        description text not null check (length(description) between 1 and 500),
        due_on date not null,
        status text not null default 'open' check (status in ('open', 'done', 'cancelled')),
        done_at timestamptz,
        done_by text,
        created_at timestamptz not null default now(),
        primary key (tenant_id, id),
        foreign key (tenant_id, account_id) references hearth.rent_account (tenant_id, id),
        foreign key (tenant_id, stage_entry_id) references hearth.arrears_stage_entry (tenant_id, id),
        foreign key (tenant_id, arrangement_id) references hearth.payment_arrangement (tenant_id, id),
        check ((status = 'open') = (done_at is null))
      )`);
    await q.query(`create index income_task_open on hearth.income_task (tenant_id, due_on, id) where status = 'open'`);
    await isolateTenantTable(q, 'income_task');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table hearth.income_task, hearth.arrangement_instalment, hearth.payment_arrangement, hearth.rent_letter,
      hearth.arrears_stage_entry, hearth.rent_transaction, hearth.payment, hearth.rent_run, hearth.rent_charge_schedule, hearth.rent_account`);
    await q.query(`drop function hearth.rent_balance_from_ledger(), hearth.rent_transaction_append_only()`);
  }
}
