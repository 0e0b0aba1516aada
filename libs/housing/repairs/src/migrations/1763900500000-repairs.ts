import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from '@hearth/platform-database';

/** A constant list as a SQL check: `column in ('a', 'b')`. */
const oneOf = (column: string, values: readonly string[]) => `${column} in (${values.map((v) => `'${v}'`).join(', ')})`;

// Kept here, not imported, so this migration says what the table was when it was written even if the module's lists grow later (a later migration widens the check).
const TRADES = [
  'general', 'plumbing', 'heating', 'gas', 'electrical', 'carpentry', 'roofing', 'plastering', 'decorating', 'glazing',
  'drainage', 'damp_and_mould', 'brickwork', 'fencing', 'groundworks', 'locksmith', 'pest_control', 'lift', 'asbestos', 'other',
];
const WORK_ORDER_STATUSES = ['raised', 'assigned', 'scheduled', 'in_progress', 'on_hold', 'completed', 'inspected', 'cancelled'];
const HAZARD_TYPES = [
  'damp_and_mould', 'excess_cold', 'excess_heat', 'fire', 'electrical', 'gas', 'carbon_monoxide', 'structural', 'falls',
  'water_supply', 'hygiene', 'asbestos', 'other',
];
const HAZARD_CLOCKS = [
  'emergency_make_safe', 'investigate', 'written_summary', 'safety_work', 'preventative_work_begin', 'preventative_work_start',
];

/**
 * Repairs: the member's schedule of rates, contractors, repairs as reported and triaged, the
 * work orders they become (each with a target from its priority and the working-day calendar),
 * appointments and completion; and hazard cases (Awaab's Law) with their statutory clocks.
 *
 * The once-only columns (`*_notified_at`, `missed_at`) are how escalation raises one event per
 * breach however many workers run: the job claims a row with `update ... where x is null`, so a
 * second worker waits for the first's row lock and then finds nothing left to claim.
 */
export class Repairs1763900500000 implements MigrationInterface {
  name = 'Repairs1763900500000';

  async up(q: QueryRunner): Promise<void> {
    // Numbers staff can say on the phone ("work order 10432"): one sequence for the whole
    // deployment, so they are unique everywhere but not contiguous within a member.
    await q.query(`create sequence hearth.repair_number_seq start 1000`);
    await q.query(`create sequence hearth.work_order_number_seq start 10000`);
    await q.query(`create sequence hearth.hazard_case_number_seq start 100`);

    // Schedule of rates: the member's priced catalogue of repair tasks (the NHF SoR or its own).
    await q.query(`
      create table hearth.sor_code (
        tenant_id uuid not null references hearth.tenant (id),
        code text not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,19}$'),
        description text not null check (length(trim(description)) between 1 and 500),
        trade text not null check (${oneOf('trade', TRADES)}),
        -- A priority code from the member's repairs settings; checked by the service and the import.
        default_priority text not null check (length(default_priority) between 1 and 40),
        cost_pence bigint not null check (cost_pence between 0 and 100000000),
        standard_minutes integer not null check (standard_minutes between 0 and 100000),
        active boolean not null default true,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (tenant_id, code)
      )`);
    await isolateTenantTable(q, 'sor_code');

    await q.query(`
      create table hearth.contractor (
        tenant_id uuid not null references hearth.tenant (id),
        id uuid not null default gen_random_uuid(),
        name text not null check (length(trim(name)) between 1 and 200),
        trades text[] not null check (cardinality(trades) > 0 and trades <@ array[${TRADES.map((t) => `'${t}'`).join(', ')}]),
        email text check (length(email) <= 254 and email like '%_@_%'),
        phone text check (length(phone) <= 30),
        -- The Keycloak client the contractor's system signs in as (the token's azp): a status
        -- update is accepted only from the contractor the work order is assigned to.
        partner_client_id text check (length(partner_client_id) between 1 and 255),
        active boolean not null default true,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (tenant_id, partner_client_id)
      )`);
    await q.query(`create unique index contractor_by_name on hearth.contractor (tenant_id, lower(name))`);
    await isolateTenantTable(q, 'contractor');

    // Hazard cases come before repairs, which may be linked to one.
    await q.query(`
      create table hearth.hazard_case (
        tenant_id uuid not null references hearth.tenant (id),
        id uuid not null default gen_random_uuid(),
        number bigint not null default nextval('hearth.hazard_case_number_seq'),
        asset_id uuid not null,
        hazard_type text not null check (${oneOf('hazard_type', HAZARD_TYPES)}),
        severity text not null check (severity in ('emergency', 'significant')),
        description text not null check (length(trim(description)) between 1 and 4000),
        -- When the member became aware: every clock runs from here or from the investigation.
        aware_at timestamptz not null,
        reported_by text not null,
        investigated_at timestamptz,
        investigation_findings text check (length(investigation_findings) <= 4000),
        status text not null default 'open' check (status in ('open', 'closed')),
        closed_at timestamptz,
        closure_reason text check (length(closure_reason) <= 1000),
        alternative_accommodation_offered_at timestamptz,
        alternative_accommodation_note text check (length(alternative_accommodation_note) <= 2000),
        alternative_accommodation_accepted boolean,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (tenant_id, number),
        foreign key (tenant_id, asset_id) references hearth.asset (tenant_id, id),
        check ((status = 'closed') = (closed_at is not null)),
        check (investigated_at is null or investigated_at >= aware_at),
        check (alternative_accommodation_accepted is null or alternative_accommodation_offered_at is not null)
      )`);
    await q.query(`create index hazard_case_by_asset on hearth.hazard_case (tenant_id, asset_id, aware_at desc)`);
    await q.query(`create index hazard_case_open on hearth.hazard_case (tenant_id, aware_at) where status = 'open'`);
    await isolateTenantTable(q, 'hazard_case');

    // One row per statutory clock of a case. due_at is null until the clock starts (the
    // investigation starts the clocks that run from it).
    await q.query(`
      create table hearth.hazard_clock (
        tenant_id uuid not null references hearth.tenant (id),
        hazard_case_id uuid not null,
        clock text not null check (${oneOf('clock', HAZARD_CLOCKS)}),
        due_at timestamptz,
        met_at timestamptz,
        -- Set once, by the escalation job, when the clock was found missed (and its event raised).
        missed_at timestamptz,
        -- A clock that no longer applies (the investigation found no safety work was needed).
        waived_reason text check (length(waived_reason) <= 1000),
        primary key (tenant_id, hazard_case_id, clock),
        foreign key (tenant_id, hazard_case_id) references hearth.hazard_case (tenant_id, id) on delete cascade,
        check (met_at is null or waived_reason is null)
      )`);
    await q.query(`create index hazard_clock_running on hearth.hazard_clock (tenant_id, due_at) where met_at is null and waived_reason is null`);
    await isolateTenantTable(q, 'hazard_clock');

    await q.query(`
      create table hearth.repair (
        tenant_id uuid not null references hearth.tenant (id),
        id uuid not null default gen_random_uuid(),
        number bigint not null default nextval('hearth.repair_number_seq'),
        asset_id uuid not null,
        description text not null check (length(trim(description)) between 1 and 4000),
        location text check (length(location) <= 200),
        reported_at timestamptz not null default now(),
        reported_by_kind text not null check (reported_by_kind in ('staff', 'partner', 'resident')),
        reported_by text not null,
        reporter_name text check (length(reporter_name) <= 200),
        reporter_phone text check (length(reporter_phone) <= 30),
        status text not null default 'reported' check (status in ('reported', 'triaged', 'cancelled')),
        priority text check (length(priority) between 1 and 40),
        trade text check (${oneOf('trade', TRADES)}),
        triaged_at timestamptz,
        triaged_by text,
        hazard_case_id uuid,
        cancelled_reason text check (length(cancelled_reason) <= 1000),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (tenant_id, number),
        foreign key (tenant_id, asset_id) references hearth.asset (tenant_id, id),
        foreign key (tenant_id, hazard_case_id) references hearth.hazard_case (tenant_id, id),
        check (status <> 'triaged' or (triaged_at is not null and priority is not null and trade is not null)),
        check ((status = 'cancelled') = (cancelled_reason is not null))
      )`);
    await q.query(`create index repair_by_asset on hearth.repair (tenant_id, asset_id, reported_at desc)`);
    await q.query(`create index repair_by_reported on hearth.repair (tenant_id, reported_at desc, id desc)`);
    await q.query(`create index repair_by_hazard on hearth.repair (tenant_id, hazard_case_id) where hazard_case_id is not null`);
    await isolateTenantTable(q, 'repair');

    await q.query(`
      create table hearth.work_order (
        tenant_id uuid not null references hearth.tenant (id),
        id uuid not null default gen_random_uuid(),
        number bigint not null default nextval('hearth.work_order_number_seq'),
        repair_id uuid not null,
        status text not null default 'raised' check (${oneOf('status', WORK_ORDER_STATUSES)}),
        priority text not null check (length(priority) between 1 and 40),
        -- Copied from the priority when raised, so RP02 and escalation do not change when a
        -- member edits its priorities later.
        emergency boolean not null,
        trade text not null check (${oneOf('trade', TRADES)}),
        -- Null while with the in-house team (the DLO).
        contractor_id uuid,
        raised_at timestamptz not null default now(),
        target_at timestamptz not null,
        -- When escalation starts warning that the target is near.
        warn_at timestamptz not null,
        on_hold_reason text check (length(on_hold_reason) <= 1000),
        completed_at timestamptz,
        completion_notes text check (length(completion_notes) <= 4000),
        inspected_at timestamptz,
        cancelled_reason text check (length(cancelled_reason) <= 1000),
        approaching_notified_at timestamptz,
        breach_notified_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (tenant_id, number),
        foreign key (tenant_id, repair_id) references hearth.repair (tenant_id, id),
        foreign key (tenant_id, contractor_id) references hearth.contractor (tenant_id, id),
        check (target_at >= raised_at and warn_at <= target_at),
        check ((status = 'on_hold') = (on_hold_reason is not null)),
        check ((status in ('completed', 'inspected')) = (completed_at is not null)),
        check ((status = 'inspected') = (inspected_at is not null)),
        check ((status = 'cancelled') = (cancelled_reason is not null))
      )`);
    await q.query(`create index work_order_by_repair on hearth.work_order (tenant_id, repair_id)`);
    await q.query(`create index work_order_by_status on hearth.work_order (tenant_id, status, target_at, id)`);
    await q.query(`create index work_order_by_contractor on hearth.work_order (tenant_id, contractor_id, status) where contractor_id is not null`);
    // What escalation scans: open work orders by when they need attention.
    await q.query(`create index work_order_open_by_warn on hearth.work_order (tenant_id, warn_at)
      where status not in ('completed', 'inspected', 'cancelled')`);
    await q.query(`create index work_order_completed on hearth.work_order (tenant_id, completed_at) where completed_at is not null`);
    await isolateTenantTable(q, 'work_order');

    // The SOR lines of a work order, priced when it was raised.
    await q.query(`
      create table hearth.work_order_line (
        tenant_id uuid not null references hearth.tenant (id),
        work_order_id uuid not null,
        line_no smallint not null check (line_no between 1 and 200),
        sor_code text not null,
        description text not null,
        quantity numeric(10, 2) not null check (quantity > 0 and quantity <= 10000),
        unit_cost_pence bigint not null check (unit_cost_pence >= 0),
        standard_minutes integer not null check (standard_minutes >= 0),
        primary key (tenant_id, work_order_id, line_no),
        foreign key (tenant_id, work_order_id) references hearth.work_order (tenant_id, id) on delete cascade,
        foreign key (tenant_id, sor_code) references hearth.sor_code (tenant_id, code)
      )`);
    await isolateTenantTable(q, 'work_order_line');

    // Every status change, whoever made it; a partner's carries the message id it came in.
    await q.query(`
      create table hearth.work_order_transition (
        tenant_id uuid not null references hearth.tenant (id),
        id uuid not null default gen_random_uuid(),
        work_order_id uuid not null,
        from_status text check (${oneOf('from_status', WORK_ORDER_STATUSES)}),
        to_status text not null check (${oneOf('to_status', WORK_ORDER_STATUSES)}),
        occurred_at timestamptz not null default now(),
        actor_kind text not null,
        actor_id text not null,
        reason text check (length(reason) <= 1000),
        primary key (tenant_id, id),
        foreign key (tenant_id, work_order_id) references hearth.work_order (tenant_id, id) on delete cascade
      )`);
    await q.query(`create index work_order_transition_by_order on hearth.work_order_transition (tenant_id, work_order_id, occurred_at)`);
    await isolateTenantTable(q, 'work_order_transition');

    await q.query(`
      create table hearth.appointment (
        tenant_id uuid not null references hearth.tenant (id),
        id uuid not null default gen_random_uuid(),
        work_order_id uuid not null,
        day date not null,
        slot text not null check (slot in ('am', 'pm', 'all_day', 'evening')),
        booked_at timestamptz not null default now(),
        booked_by text not null,
        cancelled_at timestamptz,
        primary key (tenant_id, id),
        foreign key (tenant_id, work_order_id) references hearth.work_order (tenant_id, id) on delete cascade
      )`);
    // One live appointment per work order: rebooking cancels the last one.
    await q.query(`create unique index appointment_live on hearth.appointment (tenant_id, work_order_id) where cancelled_at is null`);
    await isolateTenantTable(q, 'appointment');

    // Photos and documents recorded at completion, held by the platform's file store.
    await q.query(`
      create table hearth.work_order_attachment (
        tenant_id uuid not null references hearth.tenant (id),
        work_order_id uuid not null,
        file_id uuid not null,
        added_at timestamptz not null default now(),
        added_by text not null,
        primary key (tenant_id, work_order_id, file_id),
        foreign key (tenant_id, work_order_id) references hearth.work_order (tenant_id, id) on delete cascade,
        foreign key (tenant_id, file_id) references hearth.stored_file (tenant_id, id)
      )`);
    await isolateTenantTable(q, 'work_order_attachment');

    // Messages from contractors' systems, kept by their own id so a message sent twice is applied once.
    await q.query(`
      create table hearth.partner_message (
        tenant_id uuid not null references hearth.tenant (id),
        client_id text not null,
        message_id text not null check (length(message_id) between 1 and 200),
        kind text not null,
        -- The body's hash: the same id with a different body is refused, not silently ignored.
        body_sha256 text not null check (body_sha256 ~ '^[0-9a-f]{64}$'),
        received_at timestamptz not null default now(),
        -- What was answered the first time, answered again to a retry.
        outcome jsonb not null,
        primary key (tenant_id, client_id, message_id)
      )`);
    await isolateTenantTable(q, 'partner_message');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table hearth.partner_message, hearth.work_order_attachment, hearth.appointment, hearth.work_order_transition,
      hearth.work_order_line, hearth.work_order, hearth.repair, hearth.hazard_clock, hearth.hazard_case, hearth.contractor, hearth.sor_code`);
    await q.query(`drop sequence hearth.hazard_case_number_seq, hearth.work_order_number_seq, hearth.repair_number_seq`);
  }
}
