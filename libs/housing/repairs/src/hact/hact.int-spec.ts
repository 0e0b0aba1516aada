import { CalendarModule, WorkingCalendar } from '@hearth/platform-calendar';
import { ImportsModule } from '@hearth/platform-imports';
import { AssetsModule } from '@hearth/housing-assets';
import { createTestDatabase, insertMember, serveModulesForTest, TestTokens, type TestApi, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { RepairsModule } from '../repairs.module';

const tokens = new TestTokens();
let db: TestDatabase;
let api: TestApi;
let millbrook: TestMember;
let taff: string;

beforeAll(async () => {
  db = await createTestDatabase(tokens.env);
  millbrook = await insertMember(db.admin, 'millbrook', { assets: {}, repairs: {} });
  // The API's GraphQL stack with the modules repairs needs: apps/api is out of this library's reach.
  const modules = [ImportsModule, CalendarModule, AssetsModule, RepairsModule];
  api = await serveModulesForTest(db.config, modules);
  taff = await arrangeContractor('Taff Plumbing Ltd', 'taff-plumbing');
  await arrangeContractor('Severn Heating', 'severn-heating');
  await arrangeHomeAndRates();
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

const planner = tokens.user('millbrook', ['repairs-planner'], { name: 'Dai Price' });
const TAFF = tokens.partner('taff-plumbing', 'millbrook', ['repairs:read', 'repairs:status']);
const SEVERN = tokens.partner('severn-heating', 'millbrook', ['repairs:read', 'repairs:status']);
const codeOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.code;
const messageOf = (res: { errors?: Array<{ message: string }> }) => res.errors?.[0]?.message;

/** Rows a status update can write, to show a refused or repeated one wrote nothing. */
async function counts(): Promise<Record<string, number>> {
  const tables = ['work_order_transition', 'appointment', 'partner_message', 'outbox_event', 'audit_log'];
  const { rows } = await db.admin.query(`select ${tables.map((t) => `(select count(*)::int from hearth.${t}) as ${t}`).join(', ')}`);
  return rows[0];
}

async function workOrderRow(id: string) {
  const { rows } = await db.admin.query(
    `select status, on_hold_reason, completed_at, completion_notes from hearth.work_order where id = $1`, [id],
  );
  return rows[0];
}

// Arranged in SQL as the superuser, so these tests do not lean on the services of repairs-core or assets.
async function arrangeContractor(name: string, clientId: string | null): Promise<string> {
  const { rows } = await db.admin.query(
    `insert into hearth.contractor (tenant_id, name, trades, partner_client_id) values ($1, $2, '{plumbing,heating}', $3) returning id`,
    [millbrook.id, name, clientId],
  );
  return rows[0].id;
}

let assetId: string;
/** The home and the schedule of rates every work order here uses. */
async function arrangeHomeAndRates(): Promise<void> {
  await db.admin.query(
    `insert into hearth.sor_code (tenant_id, code, description, trade, default_priority, cost_pence, standard_minutes)
     values ($1, 'PL001', 'Renew waste trap', 'plumbing', 'urgent', 4500, 45), ($1, 'PL014', 'Reseal sink top', 'plumbing', 'urgent', 2000, 30)`,
    [millbrook.id],
  );
  const { rows } = await db.admin.query(
    `insert into hearth.asset (tenant_id, kind, address_line_1, address_line_2, town, postcode, uprn)
     values ($1, 'dwelling', 'Flat 3', '12 Heol y Frenhines', 'Cardiff', 'CF10 1AA', 10023456789) returning id`,
    [millbrook.id],
  );
  assetId = rows[0].id;
}

async function arrangeWorkOrder(fields: { contractorId?: string | null; status?: string } = {}): Promise<{ id: string; number: number }> {
  const { rows: [repair] } = await db.admin.query(
    `insert into hearth.repair (tenant_id, asset_id, description, location, reported_at, reported_by_kind, reported_by, reporter_name, reporter_phone,
                                status, priority, trade, triaged_at, triaged_by)
     values ($1, $2, 'Kitchen sink leaking under the unit', 'Kitchen', '2025-12-01T09:15:00Z', 'staff', 'Dai Price', 'Siân Evans', '029 2087 2087',
             'triaged', 'urgent', 'plumbing', '2025-12-01T09:30:00Z', 'Dai Price') returning id`,
    [millbrook.id, assetId],
  );
  const contractorId = fields.contractorId === undefined ? taff : fields.contractorId;
  const { rows: [workOrder] } = await db.admin.query(
    `insert into hearth.work_order (tenant_id, repair_id, status, priority, emergency, trade, contractor_id, raised_at, target_at, warn_at)
     values ($1, $2, $3, 'urgent', false, 'plumbing', $4, '2025-12-01T09:30:00Z', '2025-12-08T00:00:00Z', '2025-12-07T00:00:00Z')
     returning id, number::int`,
    [millbrook.id, repair.id, fields.status ?? (contractorId ? 'assigned' : 'raised'), contractorId],
  );
  await db.admin.query(
    `insert into hearth.work_order_line (tenant_id, work_order_id, line_no, sor_code, description, quantity, unit_cost_pence, standard_minutes)
     values ($1, $2, 1, 'PL001', 'Renew waste trap', 1, 4500, 45), ($1, $2, 2, 'PL014', 'Reseal sink top', 2.5, 2000, 30)`,
    [millbrook.id, workOrder.id],
  );
  return workOrder;
}

/** A working day a week or more ahead, so a booking is never refused for being in the past or on a holiday. */
function workingDayAhead(): string {
  const calendar = new WorkingCalendar('england-and-wales');
  const day = new Date(Date.now() + 7 * 86_400_000);
  while (!calendar.isWorkingDay(day.toISOString().slice(0, 10))) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

const RAISE_REPAIR = `query ($id: ID!) { hactRaiseRepair(workOrderId: $id) }`;

describe('hactRaiseRepair', () => {
  it('gives staff the work order as a RaiseRepair message', async () => {
    const workOrder = await arrangeWorkOrder();
    const res = await api.gql(RAISE_REPAIR, { id: workOrder.id }, { token: planner });
    expect(res.errors).toBeUndefined();
    const message = res.data!.hactRaiseRepair;
    expect(message).toMatchObject({
      Reference: [{ ID: String(workOrder.number), AllocatedBy: 'Hearth' }, { ID: workOrder.id }],
      DescriptionOfWork: 'Kitchen sink leaking under the unit',
      EstimatedLaborHours: 2,
      // The default matrix's "urgent" is HACT priority 2.
      Priority: { PriorityCode: 2, RequiredCompletionDateTime: '2025-12-08T00:00:00.000Z' },
      WorkElement: [{
        Trade: [{ CustomCode: 'plumbing', CustomName: 'Plumbing' }],
        RateScheduleItem: [
          { CustomCode: 'PL001', CustomName: 'Renew waste trap', Quantity: { Amount: [1] } },
          { CustomCode: 'PL014', CustomName: 'Reseal sink top', Quantity: { Amount: [2.5] } },
        ],
      }],
      LocationOfRepair: 'Kitchen',
      DateReported: '2025-12-01T09:15:00.000Z',
      SitePropertyUnit: [{
        Reference: [{ ID: '10023456789', AllocatedBy: 'UPRN' }, { AllocatedBy: 'Hearth' }],
        Address: { AddressLine: ['Flat 3', '12 Heol y Frenhines'], CityName: 'Cardiff', PostalCode: 'CF10 1AA', Country: 'GB' },
      }],
      Contact: { Name: 'Siân Evans', Telephone: '029 2087 2087' },
      Contractor: { Name: 'Taff Plumbing Ltd', Reference: [{ ID: taff }] },
    });
    expect(message).not.toHaveProperty('Appointment');
  });

  it('gives the assigned contractor its work order, with the live appointment', async () => {
    const workOrder = await arrangeWorkOrder({ status: 'scheduled' });
    await db.admin.query(
      `insert into hearth.appointment (tenant_id, work_order_id, day, slot, booked_by, cancelled_at)
       values ($1, $2, '2025-12-02', 'pm', 'Dai Price', now()), ($1, $2, '2025-12-03', 'am', 'Dai Price', null)`,
      [millbrook.id, workOrder.id],
    );
    const res = await api.gql(RAISE_REPAIR, { id: workOrder.id }, { token: TAFF });
    expect(res.errors).toBeUndefined();
    expect(res.data!.hactRaiseRepair.Appointment).toEqual({ Date: '2025-12-03', Slot: 'am' });
  });

  it("answers null to another contractor, to a partner that is no contractor, and for a work order that doesn't exist", async () => {
    const workOrder = await arrangeWorkOrder();
    const inHouse = await arrangeWorkOrder({ contractorId: null });
    const stranger = tokens.partner('call-centre', 'millbrook', ['repairs:read']);
    for (const [token, id] of [[SEVERN, workOrder.id], [stranger, workOrder.id], [TAFF, inHouse.id], [planner, '00000000-0000-4000-8000-000000000000']]) {
      const res = await api.gql(RAISE_REPAIR, { id }, { token });
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ hactRaiseRepair: null });
    }
  });

  it('refuses a partner without repairs:read, and a malformed id', async () => {
    const workOrder = await arrangeWorkOrder();
    const unscoped = await api.gql(RAISE_REPAIR, { id: workOrder.id }, { token: tokens.partner('taff-plumbing', 'millbrook', ['repairs:status']) });
    expect(codeOf(unscoped)).toBe('FORBIDDEN');
    const malformed = await api.gql(RAISE_REPAIR, { id: '10432' }, { token: planner });
    expect(codeOf(malformed)).toBe('BAD_USER_INPUT');
    expect(messageOf(malformed)).toBe('workOrderId must be a UUID');
  });
});

const POST = `mutation ($input: JobStatusUpdateInput!) {
  postJobStatusUpdate(input: $input) {
    __typename
    ... on JobStatusUpdateApplied { messageId workOrderId workOrderNumber status replayed receivedAt }
    ... on ErrorResult { code message }
    ... on TransitionRefused { from to allowed }
    ... on MessageIdReused { messageId firstReceivedAt }
  }
}`;

let messages = 0;
const newMessageId = () => `JSU-${process.pid}-${++messages}`;
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

async function post(input: Record<string, unknown>, token = TAFF): Promise<Record<string, any>> {
  const res = await api.gql(POST, { input: { messageId: newMessageId(), occurredAt: minutesAgo(1), ...input } }, { token });
  expect(res.errors).toBeUndefined();
  return res.data!.postJobStatusUpdate;
}

describe('postJobStatusUpdate', () => {
  it('moves a work order through a job, one status update at a time', async () => {
    const workOrder = await arrangeWorkOrder();
    const day = workingDayAhead();
    const steps: Array<[Record<string, unknown>, string]> = [
      [{ status: 'ACCEPTED' }, 'assigned'],
      [{ status: 'SCHEDULED', appointment: { day, slot: 'AM' } }, 'scheduled'],
      [{ status: 'IN_PROGRESS', comments: 'Operative on site' }, 'in_progress'],
      [{ status: 'ON_HOLD', comments: 'Waiting for a replacement trap' }, 'on_hold'],
      [{ status: 'IN_PROGRESS' }, 'in_progress'],
      [{ status: 'COMPLETED', comments: 'Renewed the trap and resealed the sink' }, 'completed'],
    ];
    for (const [input, status] of steps) {
      // Completion is recorded at the time the contractor gives, so it is given as now to keep the history in order.
      const result = await post({ workOrderNumber: workOrder.number, occurredAt: new Date().toISOString(), ...input });
      expect(result).toMatchObject({ __typename: 'JobStatusUpdateApplied', workOrderId: workOrder.id, workOrderNumber: workOrder.number, status: status.toUpperCase(), replayed: false });
      expect((await workOrderRow(workOrder.id)).status).toBe(status);
    }
    expect(await workOrderRow(workOrder.id)).toMatchObject({ completion_notes: 'Renewed the trap and resealed the sink', on_hold_reason: null });
    const { rows: appointments } = await db.admin.query(`select day::text, slot, booked_by from hearth.appointment where work_order_id = $1`, [workOrder.id]);
    expect(appointments).toEqual([{ day, slot: 'am', booked_by: 'service-account-taff-plumbing' }]);
    const { rows: transitions } = await db.admin.query(
      `select to_status, actor_kind, actor_id from hearth.work_order_transition where work_order_id = $1 order by occurred_at, to_status`, [workOrder.id],
    );
    expect(transitions.map((t) => t.to_status)).toEqual(['scheduled', 'in_progress', 'on_hold', 'in_progress', 'completed']);
    expect(transitions.every((t) => t.actor_kind === 'partner' && t.actor_id === 'taff-plumbing')).toBe(true);
  });

  it('accepts a raised work order into ASSIGNED, and records no access as on hold with the reason', async () => {
    const raised = await arrangeWorkOrder({ status: 'raised' });
    expect(await post({ workOrderId: raised.id, status: 'ACCEPTED' })).toMatchObject({ status: 'ASSIGNED' });
    expect((await workOrderRow(raised.id)).status).toBe('assigned');
    const visit = await arrangeWorkOrder();
    expect(await post({ workOrderId: visit.id, status: 'NO_ACCESS', comments: 'Carded, nobody home' })).toMatchObject({ status: 'ON_HOLD' });
    expect(await workOrderRow(visit.id)).toMatchObject({ status: 'on_hold', on_hold_reason: 'No access: Carded, nobody home' });
  });

  it('answers a retry as the first time and changes nothing', async () => {
    const workOrder = await arrangeWorkOrder();
    const input = { messageId: newMessageId(), workOrderId: workOrder.id, status: 'IN_PROGRESS', occurredAt: minutesAgo(2) };
    const first = await api.gql(POST, { input }, { token: TAFF });
    const before = await counts();
    const retry = await api.gql(POST, { input }, { token: TAFF });
    expect(retry.data!.postJobStatusUpdate).toEqual({ ...first.data!.postJobStatusUpdate, replayed: true });
    expect(await counts()).toEqual(before);
    expect((await workOrderRow(workOrder.id)).status).toBe('in_progress');
  });

  it('refuses a message id used before for a different message, and changes nothing', async () => {
    const workOrder = await arrangeWorkOrder();
    const messageId = newMessageId();
    await post({ messageId, workOrderId: workOrder.id, status: 'IN_PROGRESS' });
    const before = await counts();
    const reused = await post({ messageId, workOrderId: workOrder.id, status: 'COMPLETED', comments: 'Done' });
    expect(reused).toMatchObject({ __typename: 'MessageIdReused', code: 'MESSAGE_ID_REUSED', messageId });
    expect(reused.message).toMatch(/different body; send a new message id/);
    expect(await counts()).toEqual(before);
    expect((await workOrderRow(workOrder.id)).status).toBe('in_progress');
  });

  it('applies a message sent several times at once exactly once', async () => {
    const workOrder = await arrangeWorkOrder();
    const before = await counts();
    const input = { messageId: newMessageId(), workOrderId: workOrder.id, status: 'IN_PROGRESS', occurredAt: minutesAgo(1) };
    const results = await Promise.all(Array.from({ length: 5 }, () => api.gql(POST, { input }, { token: TAFF })));
    const answers = results.map((res) => res.data!.postJobStatusUpdate);
    expect(answers.every((a) => a.__typename === 'JobStatusUpdateApplied' && a.status === 'IN_PROGRESS')).toBe(true);
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
    const after = await counts();
    expect(after.work_order_transition - before.work_order_transition).toBe(1);
    expect(after.partner_message - before.partner_message).toBe(1);
  });

  it("refuses another contractor's work order as not found, saying nothing of it, and keeps no message", async () => {
    const workOrder = await arrangeWorkOrder();
    const before = await counts();
    const result = await post({ workOrderNumber: workOrder.number, status: 'COMPLETED', comments: 'Done' }, SEVERN);
    expect(result).toEqual({ __typename: 'WorkOrderNotFound', code: 'WORK_ORDER_NOT_FOUND', message: `There is no work order ${workOrder.number}` });
    expect(await counts()).toEqual(before);
    expect((await workOrderRow(workOrder.id)).status).toBe('assigned');
  });

  it('answers a move the work order cannot make with TransitionRefused, and answers its retry the same', async () => {
    const workOrder = await arrangeWorkOrder();
    const input = { messageId: newMessageId(), workOrderId: workOrder.id, status: 'COMPLETED', comments: 'Done', occurredAt: minutesAgo(1) };
    const refused = (await api.gql(POST, { input }, { token: TAFF })).data!.postJobStatusUpdate;
    expect(refused).toMatchObject({ __typename: 'TransitionRefused', code: 'TRANSITION_REFUSED', from: 'ASSIGNED', to: 'COMPLETED' });
    expect(refused.message).toMatch(/cannot become completed/);
    const before = await counts();
    const retry = (await api.gql(POST, { input }, { token: TAFF })).data!.postJobStatusUpdate;
    expect(retry).toEqual(refused);
    expect(await counts()).toEqual(before);
    const { rows } = await db.admin.query(`select outcome from hearth.partner_message where message_id = $1`, [input.messageId]);
    expect(rows[0].outcome).toMatchObject({ result: 'TransitionRefused', from: 'assigned', to: 'completed' });
    expect((await workOrderRow(workOrder.id)).status).toBe('assigned');
  });

  it.each([
    ['both a work order id and number', (wo: { id: string; number: number }) => ({ workOrderId: wo.id, workOrderNumber: wo.number, status: 'IN_PROGRESS' }), /exactly one of workOrderId and workOrderNumber/],
    ['neither a work order id nor number', () => ({ status: 'IN_PROGRESS' }), /exactly one of workOrderId and workOrderNumber/],
    ['SCHEDULED without an appointment', (wo: { id: string }) => ({ workOrderId: wo.id, status: 'SCHEDULED' }), /SCHEDULED needs the appointment/],
    ['an appointment with another status', (wo: { id: string }) => ({ workOrderId: wo.id, status: 'IN_PROGRESS', appointment: { day: '2030-01-02', slot: 'AM' } }), /Only SCHEDULED takes an appointment/],
    ['ON_HOLD without a reason', (wo: { id: string }) => ({ workOrderId: wo.id, status: 'ON_HOLD' }), /ON_HOLD needs comments/],
    ['COMPLETED without notes', (wo: { id: string }) => ({ workOrderId: wo.id, status: 'COMPLETED' }), /COMPLETED needs comments/],
    ['an event in the future', (wo: { id: string }) => ({ workOrderId: wo.id, status: 'IN_PROGRESS', occurredAt: new Date(Date.now() + 3_600_000).toISOString() }), /occurredAt must not be in the future/],
    ['an empty message id', (wo: { id: string }) => ({ workOrderId: wo.id, status: 'IN_PROGRESS', messageId: '' }), /messageId must be 1 to 200 printable characters/],
  ])('refuses %s as bad input, keeping nothing', async (_case, build, message) => {
    const workOrder = await arrangeWorkOrder();
    const before = await counts();
    const res = await api.gql(POST, { input: { messageId: newMessageId(), occurredAt: minutesAgo(1), ...build(workOrder) } }, { token: TAFF });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(messageOf(res)).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it('is for contractors only: refused to staff, and to a partner without repairs:status', async () => {
    const workOrder = await arrangeWorkOrder();
    const input = { messageId: newMessageId(), workOrderId: workOrder.id, status: 'IN_PROGRESS', occurredAt: minutesAgo(1) };
    const admin = tokens.user('millbrook', ['tenant-admin', 'repairs-planner']);
    for (const token of [admin, planner, tokens.partner('taff-plumbing', 'millbrook', ['repairs:read'])]) {
      const res = await api.gql(POST, { input }, { token });
      expect(codeOf(res)).toBe('FORBIDDEN');
    }
    expect((await workOrderRow(workOrder.id)).status).toBe('assigned');
  });
});

describe("a contractor's system reading work orders", () => {
  const LIST = `{ workOrders(first: 100) { totalCount edges { node { id } } } repairs(first: 100) { edges { node { workOrders { id } } } } }`;
  const ONE = `query ($id: ID!) { workOrder(id: $id) { id } }`;
  const OTHERS = tokens.partner('data-warehouse', 'millbrook', ['repairs:read']);

  it('sees only the work orders assigned to it, and only them on their repairs, while staff see all', async () => {
    const own = await arrangeWorkOrder();
    const inHouse = await arrangeWorkOrder({ contractorId: null });
    const severns = await arrangeWorkOrder({ contractorId: await db.admin.query(`select id from hearth.contractor where partner_client_id = 'severn-heating'`).then((r) => r.rows[0].id) });
    // A second work order on the contractor's repair, given to someone else, stays hidden on that repair.
    await db.admin.query(
      `insert into hearth.work_order (tenant_id, repair_id, status, priority, emergency, trade, raised_at, target_at, warn_at)
       select tenant_id, repair_id, 'raised', priority, emergency, trade, raised_at, target_at, warn_at from hearth.work_order where id = $1`,
      [own.id],
    );

    const asTaff = (await api.gql(LIST, {}, { token: TAFF })).data!;
    const taffsIds = asTaff.workOrders.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(taffsIds).toContain(own.id);
    expect(taffsIds).not.toContain(inHouse.id);
    expect(taffsIds).not.toContain(severns.id);
    expect(asTaff.workOrders.totalCount).toBe(taffsIds.length);
    for (const edge of asTaff.repairs.edges) {
      for (const workOrder of edge.node.workOrders) expect(taffsIds).toContain(workOrder.id);
    }
    expect((await api.gql(ONE, { id: own.id }, { token: TAFF })).data).toEqual({ workOrder: { id: own.id } });
    expect((await api.gql(ONE, { id: severns.id }, { token: TAFF })).data).toEqual({ workOrder: null });

    const asWarehouse = (await api.gql(LIST, {}, { token: OTHERS })).data!;
    expect(asWarehouse.workOrders.totalCount).toBe(0);
    expect(asWarehouse.repairs.edges).toEqual([]);

    const asStaff = (await api.gql(LIST, {}, { token: planner })).data!;
    const staffIds = asStaff.workOrders.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(staffIds).toEqual(expect.arrayContaining([own.id, inHouse.id, severns.id]));
  });
});
