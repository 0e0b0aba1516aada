import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase, insertGuestOrganisation, insertMember, TestTokens, type TestApi, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { startTestApi } from './testing';

/**
 * Tables every member can read by rule, each with the reason. Anything not listed here must
 * be tenant-owned: RLS enabled and forced, a tenant_id-leading primary key, and the policy.
 */
const SHARED_TABLES: Record<string, string> = {
  tenant: 'the member directory: readable by all members, written only in consortium mode',
  guest_organisation: 'the guest directory (councils, health boards): readable by all, written only in consortium mode',
  organisation_audit_log: "audit of work with no member bound (guests, consortium staff): its own policies, proven below",
  shared_configuration: "shared configurations: every member reads the library, guests nothing; only the publisher publishes and withdraws (shared-configuration-visibility suite)",
  venue: 'shared spaces: venues everyone may read, written by the consortium or the member that runs them (spaces-visibility suite)',
  bookable_space: "shared spaces: desks and rooms everyone may read, written like their venue's (spaces-visibility suite)",
  space_booking: "shared spaces: a booking is its organisation's alone, member's or guest's (spaces-visibility suite)",
  space_occupancy: 'shared spaces: that a space is taken, and when, for everyone; written only as a mirror of a booking (spaces-visibility suite)',
  space_quota: 'shared spaces: fair-use quotas, the default for all and each organisation its own; set by the consortium (spaces-visibility suite)',
  space_calendar_feed: "shared spaces: a person's feed token hash, their organisation's, or the one row a feed request presents (spaces-visibility suite)",
  unconference: "unconferences: events everyone may read, written by their organiser, a member or the consortium (unconference-visibility suite)",
  unconference_room: "unconferences: an event's rooms, read by all, written by its organiser (unconference-visibility suite)",
  unconference_slot: "unconferences: an event's time slots, read by all, written by its organiser (unconference-visibility suite)",
  unconference_participant: "unconferences: who takes part, read by all, each written in its own organisation's name (unconference-visibility suite)",
  session_proposal: "unconferences: proposals and their vote counts, read by all, written by the host's organisation (unconference-visibility suite)",
  proposal_cohost: "unconferences: co-hosts, read by all, named by the proposal's organisation (unconference-visibility suite)",
  proposal_vote: "unconferences: a vote is seen and written by the voter's own organisation only; others see counts (unconference-visibility suite)",
  scheduled_session: "unconferences: the timetable, read by all, written by the event's organiser (unconference-visibility suite)",
  session_note: "unconferences: session notes, read by all, written in the author's organisation's name (unconference-visibility suite)",
};

/**
 * How to put one row of each tenant-owned table in place for a member, as the superuser,
 * parents before children. A new tenant-owned table must add its row here: the suite fails for
 * a table without one.
 */
const FIXTURES: Record<string, (tenantId: string) => [string, unknown[]]> = {
  tenant_module: (t) => [`insert into hearth.tenant_module (tenant_id, module_key, enabled) values ($1, 'isolation-probe', true)`, [t]],
  audit_log: (t) => [`insert into hearth.audit_log (tenant_id, actor_kind, actor_id, operation) values ($1, 'system', 'probe', 'probe')`, [t]],
  closure_day: (t) => [`insert into hearth.closure_day (tenant_id, day, description, created_by) values ($1, '2030-01-02', 'Probe', 'probe')`, [t]],
  outbox_event: (t) => [`insert into hearth.outbox_event (tenant_id, type, aggregate_type, aggregate_id, payload) values ($1, 'probe', 'probe', 'p', '{}')`, [t]],
  notice: (t) => [`insert into hearth.notice (tenant_id, title, body, posted_by, expires_at) values ($1, 'Probe', 'Probe', 'probe', now() + interval '1 day')`, [t]],
  asset: (t) => [`insert into hearth.asset (tenant_id, id, kind, postcode) values ($1, $2, 'dwelling', 'CF10 1AA')`, [t, probeId(t, 'asset')]],
  asset_reference: (t) => [`insert into hearth.asset_reference (tenant_id, system, reference, asset_id) values ($1, 'probe', 'A1', $2)`, [t, probeId(t, 'asset')]],
  person: (t) => [`insert into hearth.person (tenant_id, id, given_name, family_name) values ($1, $2, 'Probe', 'Person')`, [t, probeId(t, 'person')]],
  person_reference: (t) => [`insert into hearth.person_reference (tenant_id, system, reference, person_id) values ($1, 'probe', 'P1', $2)`, [t, probeId(t, 'person')]],
  person_alert: (t) => [`insert into hearth.person_alert (tenant_id, person_id, code, raised_by) values ($1, $2, '10', 'probe')`, [t, probeId(t, 'person')]],
  tenancy: (t) => [`insert into hearth.tenancy (tenant_id, id, dwelling_id, tenure_type, start_date) values ($1, $2, $3, 'assured', '2020-01-01')`, [t, probeId(t, 'tenancy'), probeId(t, 'asset')]],
  tenancy_reference: (t) => [`insert into hearth.tenancy_reference (tenant_id, system, reference, tenancy_id) values ($1, 'probe', 'T1', $2)`, [t, probeId(t, 'tenancy')]],
  tenancy_party: (t) => [`insert into hearth.tenancy_party (tenant_id, tenancy_id, person_id, role) values ($1, $2, $3, 'tenant')`, [t, probeId(t, 'tenancy'), probeId(t, 'person')]],
  tenancy_event: (t) => [`insert into hearth.tenancy_event (tenant_id, tenancy_id, kind, occurred_on, recorded_by) values ($1, $2, 'started', '2020-01-01', 'probe')`, [t, probeId(t, 'tenancy')]],
  stored_file: (t) => [`insert into hearth.stored_file (tenant_id, id, name, content_type, size_bytes, sha256, uploaded_by) values ($1, $2, 'probe.csv', 'text/csv', 0, repeat('0', 64), 'probe')`, [t, probeId(t, 'stored_file')]],
  import_run: (t) => [`insert into hearth.import_run (tenant_id, kind, file_id, started_by) values ($1, 'assets', $2, 'probe')`, [t, probeId(t, 'stored_file')]],
  sor_code: (t) => [`insert into hearth.sor_code (tenant_id, code, description, trade, default_priority, cost_pence, standard_minutes) values ($1, 'PROBE1', 'Probe', 'general', 'routine', 100, 10)`, [t]],
  contractor: (t) => [`insert into hearth.contractor (tenant_id, id, name, trades) values ($1, $2, 'Probe Contractor', '{general}')`, [t, probeId(t, 'contractor')]],
  hazard_case: (t) => [`insert into hearth.hazard_case (tenant_id, id, asset_id, hazard_type, severity, description, aware_at, reported_by) values ($1, $2, $3, 'damp_and_mould', 'significant', 'Probe', '2026-01-05T09:00:00Z', 'probe')`, [t, probeId(t, 'hazard_case'), probeId(t, 'asset')]],
  hazard_clock: (t) => [`insert into hearth.hazard_clock (tenant_id, hazard_case_id, clock, due_at) values ($1, $2, 'investigate', '2026-01-19T23:59:59Z')`, [t, probeId(t, 'hazard_case')]],
  repair: (t) => [`insert into hearth.repair (tenant_id, id, asset_id, description, reported_by_kind, reported_by, hazard_case_id) values ($1, $2, $3, 'Probe', 'staff', 'probe', $4)`, [t, probeId(t, 'repair'), probeId(t, 'asset'), probeId(t, 'hazard_case')]],
  work_order: (t) => [`insert into hearth.work_order (tenant_id, id, repair_id, priority, emergency, trade, contractor_id, target_at, warn_at) values ($1, $2, $3, 'routine', false, 'general', $4, now() + interval '1 day', now())`, [t, probeId(t, 'work_order'), probeId(t, 'repair'), probeId(t, 'contractor')]],
  work_order_line: (t) => [`insert into hearth.work_order_line (tenant_id, work_order_id, line_no, sor_code, description, quantity, unit_cost_pence, standard_minutes) values ($1, $2, 1, 'PROBE1', 'Probe', 1, 100, 10)`, [t, probeId(t, 'work_order')]],
  work_order_transition: (t) => [`insert into hearth.work_order_transition (tenant_id, work_order_id, to_status, actor_kind, actor_id) values ($1, $2, 'raised', 'system', 'probe')`, [t, probeId(t, 'work_order')]],
  appointment: (t) => [`insert into hearth.appointment (tenant_id, work_order_id, day, slot, booked_by) values ($1, $2, '2030-01-03', 'am', 'probe')`, [t, probeId(t, 'work_order')]],
  work_order_attachment: (t) => [`insert into hearth.work_order_attachment (tenant_id, work_order_id, file_id, added_by) values ($1, $2, $3, 'probe')`, [t, probeId(t, 'work_order'), probeId(t, 'stored_file')]],
  partner_message: (t) => [`insert into hearth.partner_message (tenant_id, client_id, message_id, kind, body_sha256, outcome) values ($1, 'probe-client', 'M1', 'JobStatusUpdate', repeat('0', 64), '{}')`, [t]],
  rent_account: (t) => [`insert into hearth.rent_account (tenant_id, id, tenancy_id, payment_reference, frequency, charge_weeks, opened_on) values ($1, $2, $3, 'PROBE-001', 'weekly', 52, '2020-01-01')`, [t, probeId(t, 'rent_account'), probeId(t, 'tenancy')]],
  rent_charge_schedule: (t) => [`insert into hearth.rent_charge_schedule (tenant_id, account_id, charge_type, effective_from, amount_pence, created_by) values ($1, $2, 'rent', '2020-01-01', 10000, 'probe')`, [t, probeId(t, 'rent_account')]],
  rent_run: (t) => [`insert into hearth.rent_run (tenant_id, frequency, period_start, period_end, started_by) values ($1, 'weekly', '2026-04-06', '2026-04-12', 'probe')`, [t]],
  payment: (t) => [`insert into hearth.payment (tenant_id, id, source, channel, payment_reference, amount_pence, received_on, external_id, created_by, account_id, allocated_at) values ($1, $2, 'file', 'bank', 'PROBE-001', 500, '2026-04-07', 'probe-1', 'probe', $3, now())`, [t, probeId(t, 'payment'), probeId(t, 'rent_account')]],
  rent_transaction: (t) => [`insert into hearth.rent_transaction (tenant_id, account_id, kind, amount_pence, effective_on, description, payment_id, posted_by) values ($1, $2, 'payment', -500, '2026-04-07', 'Probe', $3, 'probe')`, [t, probeId(t, 'rent_account'), probeId(t, 'payment')]],
  arrears_stage_entry: (t) => [`insert into hearth.arrears_stage_entry (tenant_id, id, account_id, stage, balance_pence, entered_by) values ($1, $2, $3, 'reminder', 500, 'probe')`, [t, probeId(t, 'arrears_stage_entry'), probeId(t, 'rent_account')]],
  rent_letter: (t) => [`insert into hearth.rent_letter (tenant_id, account_id, stage_entry_id, template, language, addressee, subject, body) values ($1, $2, $3, 'reminder', 'en', 'Probe', 'Probe', 'Probe')`, [t, probeId(t, 'rent_account'), probeId(t, 'arrears_stage_entry')]],
  payment_arrangement: (t) => [`insert into hearth.payment_arrangement (tenant_id, id, account_id, instalment_pence, frequency, starts_on, arrears_pence, created_by) values ($1, $2, $3, 500, 'weekly', '2026-04-06', 5000, 'probe')`, [t, probeId(t, 'payment_arrangement'), probeId(t, 'rent_account')]],
  arrangement_instalment: (t) => [`insert into hearth.arrangement_instalment (tenant_id, arrangement_id, due_on, amount_pence) values ($1, $2, '2026-04-13', 500)`, [t, probeId(t, 'payment_arrangement')]],
  partner_client: (t) => [`insert into hearth.partner_client (tenant_id, client_id, name, scopes, directory, created_by) values ($1, 'probe-client', 'Probe', '{repairs:read}', 'local', 'probe')`, [t]],
  webhook_endpoint: (t) => [`insert into hearth.webhook_endpoint (tenant_id, id, url, event_types, secret_sealed, created_by) values ($1, $2, 'https://hooks.example.test/probe', '{*}', 'v1:probe', 'probe')`, [t, probeId(t, 'webhook_endpoint')]],
  webhook_delivery: (t) => [`insert into hearth.webhook_delivery (tenant_id, id, endpoint_id, event_id, webhook_id, event_type, aggregate_type, aggregate_id, sequence, occurred_at, payload, next_attempt_at) values ($1, $2, $3, gen_random_uuid(), 'msg_probe', 'probe', 'probe', 'p', 1, now(), '{}', now())`, [t, probeId(t, 'webhook_delivery'), probeId(t, 'webhook_endpoint')]],
  webhook_attempt: (t) => [`insert into hearth.webhook_attempt (tenant_id, delivery_id, attempt, started_at, duration_ms, response_status, succeeded) values ($1, $2, 1, now(), 5, 500, false)`, [t, probeId(t, 'webhook_delivery')]],
  configuration_adoption: (t) => [`insert into hearth.configuration_adoption (tenant_id, shared_configuration_id, lineage_id, kind, applied_content, applied_hash, adapted_on_copy, adopted_by) values ($1, gen_random_uuid(), gen_random_uuid(), 'repair-priorities', '{}', repeat('0', 64), false, 'probe')`, [t]],
  income_task: (t) => [`insert into hearth.income_task (tenant_id, account_id, arrangement_id, kind, description, due_on) values ($1, $2, $3, 'call', 'Probe', '2026-04-20')`, [t, probeId(t, 'rent_account'), probeId(t, 'payment_arrangement')]],
};

/**
 * Fixed ids per member for the rows other fixtures refer to, so fixtures can be inserted in
 * order (FIXTURES is ordered parents first) and refer to each other.
 */
function probeId(tenantId: string, table: string): string {
  const digits = createHash('sha256').update(`${tenantId}:${table}`).digest('hex');
  return `${digits.slice(0, 8)}-${digits.slice(8, 12)}-4${digits.slice(13, 16)}-8${digits.slice(17, 20)}-${digits.slice(20, 32)}`;
}

/** Tables whose rows may never change once written, even for their own member. */
const APPEND_ONLY = new Set(['audit_log', 'rent_transaction']);

const tokens = new TestTokens();
let db: TestDatabase;
let app: Client;
let a: TestMember;
let b: TestMember;
let guest: TestMember;
let tables: string[];

beforeAll(async () => {
  db = await createTestDatabase(tokens.env);
  a = await insertMember(db.admin, 'member-a', { noticeboard: {} });
  b = await insertMember(db.admin, 'member-b', { noticeboard: {} });
  guest = await insertGuestOrganisation(db.admin, 'guest-council');
  app = new Client({ host: db.config.database.host, port: db.config.database.port, database: db.name, user: 'hearth_app' });
  await app.connect();
  const { rows } = await db.admin.query(`
    select c.relname from pg_class c
    where c.relnamespace = 'hearth'::regnamespace and c.relkind in ('r', 'p')
      and has_table_privilege('hearth_app', c.oid, 'select, insert, update, delete')
    order by 1`);
  tables = rows.map((r) => r.relname);
  for (const fixture of Object.values(FIXTURES)) {
    const [sql, params] = fixture(a.id);
    await db.admin.query(sql, params);
  }
});

afterAll(async () => {
  await app?.end();
  await db?.drop();
});

/** Runs `fn` as hearth_app in a transaction bound to `tenantId` (or to nobody), then rolls back. */
async function asMember<T>(tenantId: string | null, fn: () => Promise<T>, setting = 'app.tenant_id'): Promise<T> {
  await app.query('begin');
  try {
    if (tenantId) await app.query(`select set_config($1, $2, true)`, [setting, tenantId]);
    return await fn();
  } finally {
    await app.query('rollback');
  }
}

/** Runs `fn` as hearth_app bound to a guest organisation, as a guest's request is, then rolls back. */
const asGuest = <T>(guestId: string, fn: () => Promise<T>) => asMember(guestId, fn, 'app.guest_organisation_id');

describe('the catalogue', () => {
  it('finds the tables the app role can touch', () => {
    expect(tables).toEqual(expect.arrayContaining(['tenant', 'tenant_module', 'audit_log', 'outbox_event', 'notice']));
  });

  it('has row-level security enabled and forced on every table the app role can touch', async () => {
    const { rows } = await db.admin.query(`
      select relname from pg_class
      where relnamespace = 'hearth'::regnamespace and relname = any($1) and not (relrowsecurity and relforcerowsecurity)`, [tables]);
    expect(rows.map((r) => r.relname)).toEqual([]);
  });

  it('gives every tenant-owned table a tenant_id-leading primary key, foreign keys and the isolation policy', async () => {
    const problems: string[] = [];
    for (const table of tables.filter((t) => !SHARED_TABLES[t])) {
      const { rows: keys } = await db.admin.query(
        `select con.contype, con.conname, a.attname as first_column, con.confrelid::regclass::text as references
         from pg_constraint con join pg_attribute a on a.attrelid = con.conrelid and a.attnum = con.conkey[1]
         where con.conrelid = ('hearth.' || $1)::regclass and con.contype in ('p', 'f')`, [table]);
      const primary = keys.find((k) => k.contype === 'p');
      if (primary?.first_column !== 'tenant_id') problems.push(`${table}: primary key does not lead with tenant_id`);
      for (const fk of keys.filter((k) => k.contype === 'f')) {
        if (fk.first_column !== 'tenant_id') problems.push(`${table}: foreign key ${fk.conname} does not lead with tenant_id`);
      }
      const { rows: policies } = await db.admin.query(
        `select polname, pg_get_expr(polqual, polrelid) as using, pg_get_expr(polwithcheck, polrelid) as check
         from pg_policy where polrelid = ('hearth.' || $1)::regclass`, [table]);
      const isolation = /^\(tenant_id = \( SELECT hearth\.current_tenant_id\(\) AS current_tenant_id\)\)$/;
      const isolating = policies.filter((p) => isolation.test(p.using ?? '') && isolation.test(p.check ?? ''));
      if (policies.length !== 1 || isolating.length !== 1) problems.push(`${table}: needs exactly the one tenant_isolation policy`);
      if (!FIXTURES[table]) problems.push(`${table}: has no fixture in the isolation suite (add one to FIXTURES)`);
    }
    expect(problems).toEqual([]);
  });

  it('ties every tenant-owned row to a member that exists, by its own key to the tenant or through its parent (ADR 18)', async () => {
    // A table's key to hearth.tenant may be left out only where a not-null key leading with
    // tenant_id reaches a table that is tied to the tenant itself.
    const { rows: keys } = await db.admin.query(`
      select con.conrelid::regclass::text as "from", con.confrelid::regclass::text as "to"
      from pg_constraint con
      where con.contype = 'f' and con.connamespace = 'hearth'::regnamespace
        and (select attname from pg_attribute where attrelid = con.conrelid and attnum = con.conkey[1]) = 'tenant_id'
        and not exists (select 1 from pg_attribute where attrelid = con.conrelid and attnum = any(con.conkey) and not attnotnull)`);
    const tied = new Set(['hearth.tenant']);
    for (let grew = true; grew;) {
      grew = false;
      for (const key of keys) {
        if (!tied.has(key.to) || tied.has(key.from)) continue;
        tied.add(key.from);
        grew = true;
      }
    }
    const owned = tables.filter((t) => !SHARED_TABLES[t]).map((t) => `hearth.${t}`);
    expect(owned.filter((table) => !tied.has(table))).toEqual([]);
  });

  it('keeps the app role from being a superuser, the owner, or able to bypass RLS', async () => {
    const { rows } = await db.admin.query(`select rolsuper, rolbypassrls, rolcreaterole, rolcreatedb from pg_roles where rolname = 'hearth_app'`);
    expect(rows[0]).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false });
    const { rows: owned } = await db.admin.query(`select count(*)::int as n from pg_class where relowner = 'hearth_app'::regrole`);
    expect(owned[0].n).toBe(0);
  });
});

describe.each(Object.keys(FIXTURES))('member B against member A in %s (SQL as hearth_app)', (table) => {
  it("cannot see A's rows", async () => {
    const { rows } = await asMember(b.id, () => app.query(`select count(*)::int as n from hearth.${table} where tenant_id = $1`, [a.id]));
    expect(rows[0].n).toBe(0);
  });

  it('cannot insert rows in A\'s name', async () => {
    const [sql, params] = FIXTURES[table](a.id);
    await expect(asMember(b.id, () => app.query(sql, params))).rejects.toThrow(/row-level security/);
  });

  it('gets an error, never data, with no member bound', async () => {
    await expect(asMember(null, () => app.query(`select * from hearth.${table}`))).rejects.toThrow(/no member is bound/);
  });

  it('gets an error, never data, when a guest organisation is bound', async () => {
    await expect(asGuest(guest.id, () => app.query(`select * from hearth.${table}`))).rejects.toThrow(/no member is bound/);
  });

  it('still sees its own rows (the policy is not simply closed)', async () => {
    const { rows } = await asMember(a.id, () => app.query(`select count(*)::int as n from hearth.${table}`));
    expect(rows[0].n).toBeGreaterThan(0);
  });
});

// Append-only tables have no update or delete grant at all; they are covered below.
describe.each(Object.keys(FIXTURES).filter((t) => !APPEND_ONLY.has(t)))('member B changing member A\'s rows in %s', (table) => {
  it("cannot update A's rows", async () => {
    const result = await asMember(b.id, () => app.query(`update hearth.${table} set tenant_id = tenant_id where tenant_id = $1`, [a.id]));
    expect(result.rowCount).toBe(0);
  });

  it("cannot delete A's rows", async () => {
    const result = await asMember(b.id, () => app.query(`delete from hearth.${table} where tenant_id = $1`, [a.id]));
    expect(result.rowCount).toBe(0);
  });

});

describe('append-only tables', () => {
  it.each([...APPEND_ONLY])('%s refuses updates and deletes even for its own member', async (table) => {
    await expect(asMember(a.id, () => app.query(`update hearth.${table} set tenant_id = tenant_id`))).rejects.toThrow(/permission denied/);
    await expect(asMember(a.id, () => app.query(`delete from hearth.${table}`))).rejects.toThrow(/permission denied/);
    await expect(db.admin.query(`delete from hearth.${table}`)).rejects.toThrow(/append-only/);
  });
});

describe('the shared member directory', () => {
  it('is readable by every member but writable only in consortium mode', async () => {
    const { rows } = await asMember(b.id, () => app.query(`select slug from hearth.tenant order by slug`));
    expect(rows.map((r) => r.slug)).toEqual(['member-a', 'member-b']);
    const renamed = await asMember(b.id, () => app.query(`update hearth.tenant set name = 'Taken over' where id = $1`, [a.id]));
    expect(renamed.rowCount).toBe(0);
    await expect(
      asMember(b.id, () => app.query(`insert into hearth.tenant (slug, name, registration_number, country, languages, keycloak_organization) values ('x', 'X', 'X', 'england', '{en}', 'x')`)),
    ).rejects.toThrow(/row-level security/);
  });
});

describe('the guest directory', () => {
  it('is readable by everyone but writable only in consortium mode', async () => {
    const { rows } = await asGuest(guest.id, () => app.query(`select slug from hearth.guest_organisation`));
    expect(rows.map((r) => r.slug)).toEqual(['guest-council']);
    const renamed = await asMember(a.id, () => app.query(`update hearth.guest_organisation set name = 'Taken over'`));
    expect(renamed.rowCount).toBe(0);
  });

  it('refuses a guest organisation that takes a member\'s Keycloak organisation or slug', async () => {
    await expect(
      db.admin.query(`insert into hearth.guest_organisation (slug, name, kind, keycloak_organization, invited_by) values ('x-council', 'X', 'council', 'member-a', 'test')`),
    ).rejects.toThrow(/already a member/);
    await expect(
      db.admin.query(`insert into hearth.tenant (slug, name, registration_number, country, languages, keycloak_organization) values ('guest-council', 'X', 'X', 'england', '{en}', 'y')`),
    ).rejects.toThrow(/already a guest organisation/);
  });
});

describe("the organisations' audit log", () => {
  const entry = (guestId: string | null) =>
    app.query(`insert into hearth.organisation_audit_log (actor_kind, actor_id, operation, guest_organisation_id) values ('user', 'probe', 'probe', $1)`, [guestId]);

  it('takes a guest\'s entries in its own name only, and never while a member is bound', async () => {
    await expect(asGuest(guest.id, () => entry(guest.id))).resolves.toMatchObject({ rowCount: 1 });
    await expect(asGuest(guest.id, () => entry(null))).rejects.toThrow(/row-level security/);
    await expect(asMember(a.id, () => entry(null))).rejects.toThrow(/row-level security/);
  });

  it('shows a guest its own entries and consortium staff all of them, and nobody may change them', async () => {
    await db.admin.query(`insert into hearth.organisation_audit_log (actor_kind, actor_id, operation) values ('user', 'consortium', 'probe')`);
    const own = await asGuest(guest.id, async () => { await entry(guest.id); return app.query(`select guest_organisation_id from hearth.organisation_audit_log`); });
    expect(own.rows.map((r) => r.guest_organisation_id)).toEqual([guest.id]);
    const all = await asMember(null, async () => {
      await app.query(`select set_config('app.consortium', 'on', true)`);
      return app.query(`select count(*)::int as n from hearth.organisation_audit_log`);
    });
    expect(all.rows[0].n).toBeGreaterThan(0);
    await expect(asGuest(guest.id, () => app.query(`delete from hearth.organisation_audit_log`))).rejects.toThrow(/permission denied/);
    await expect(db.admin.query(`update hearth.organisation_audit_log set operation = 'x'`)).rejects.toThrow(/append-only/);
  });
});

describe('member B against member A through GraphQL', () => {
  let api: TestApi;
  let noticeOfA: string;
  const asB = () => ({ token: tokens.user('member-b', ['housing-officer']) });

  beforeAll(async () => {
    api = await startTestApi(db.config);
    const posted = await api.gql(`mutation { postNotice(input: { title: "A only", body: "For A's staff" }) { id } }`, {}, {
      token: tokens.user('member-a', ['housing-officer']),
    });
    noticeOfA = posted.data!.postNotice.id;
  });

  afterAll(() => api?.close());

  it("does not list A's notices", async () => {
    const res = await api.gql(`{ notices { totalCount edges { node { id } } } }`, {}, asB());
    expect(res.data!.notices.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(noticeOfA);
  });

  it("cannot fetch A's notice by id", async () => {
    const res = await api.gql(`query ($id: ID!) { notice(id: $id) { id } }`, { id: noticeOfA }, asB());
    expect(res.data!.notice).toBeNull();
  });

  it("cannot withdraw A's notice, and A's notice is untouched", async () => {
    const res = await api.gql(`mutation ($id: ID!) { withdrawNotice(id: $id) { __typename } }`, { id: noticeOfA }, asB());
    expect(res.data!.withdrawNotice.__typename).toBe('NoticeNotFound');
    const { rows } = await db.admin.query(`select withdrawn_at from hearth.notice where id = $1`, [noticeOfA]);
    expect(rows[0].withdrawn_at).toBeNull();
  });

  it("cannot act for A by naming it", async () => {
    const res = await api.gql(`{ me { member { slug } } }`, {}, { ...asB(), actFor: 'member-a' });
    expect(res.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});

describe('a guest organisation through GraphQL', () => {
  let api: TestApi;
  // A guest whose token also claims staff roles still reads nothing: the binding, not the role, is the wall.
  const asGuestUser = (roles = ['guest', 'housing-officer']) => ({ token: tokens.user('guest-council', roles) });

  beforeAll(async () => {
    api = await startTestApi(db.config);
  });

  afterAll(() => api?.close());

  it('signs in as the guest organisation, with no member', async () => {
    const res = await api.gql(`{ me { member { slug } guestOrganisation { slug kind active } } }`, {}, asGuestUser(['guest']));
    expect(res.errors).toBeUndefined();
    expect(res.data!.me).toEqual({ member: null, guestOrganisation: { slug: 'guest-council', kind: 'COUNCIL', active: true } });
  });

  it("reads no member's data, even with a staff role in its token", async () => {
    const res = await api.gql(`{ notices { totalCount } }`, {}, asGuestUser());
    expect(res.data).toBeNull();
    expect(res.errors![0].extensions!.code).toBe('TENANT_REQUIRED');
  });

  it('cannot name a member to act for', async () => {
    const res = await api.gql(`{ me { member { slug } } }`, {}, { ...asGuestUser(), actFor: 'member-a' });
    expect(res.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('is refused once suspended', async () => {
    await insertGuestOrganisation(db.admin, 'suspended-board', { kind: 'health_board', status: 'suspended' });
    const res = await api.gql(`{ me { subject } }`, {}, { token: tokens.user('suspended-board', ['guest']) });
    expect(res.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(res.errors![0].message).toMatch(/suspended/);
  });
});
