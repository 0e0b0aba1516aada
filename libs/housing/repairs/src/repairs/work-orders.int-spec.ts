import { isCalendarDay, ukDay, WorkingCalendar } from '@hearth/platform-calendar';
import { TransactionManager, type Actor } from '@hearth/platform-database';
import { createTestDatabase, insertMember, serveModulesForTest, TestTokens, type TestApi, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { WORK_ORDER_STATUSES } from '../repairs.entities';
import { TransitionRefused, WorkOrder, WorkOrderInvalid } from './repairs.model';
import { ALLOWED_TRANSITIONS, type WorkOrderStatus } from './work-order.state-machine';
import { WorkOrderService, type TransitionDetails } from './work-orders.service';
import { dataOf, insertAsset, insertContractor, insertStoredFile, REPAIRS_MODULES } from './testing/repairs-api';

const tokens = new TestTokens();
let db: TestDatabase;
let api: TestApi;
let millbrook: TestMember;
let aber: TestMember;
let dwelling: string;
let repairId: string;

const PLANNER: Actor = { kind: 'user', id: 'planner-1', name: 'Dai Price', roles: ['repairs-planner'], scopes: [], organizations: [] };
const planner = () => tokens.user('millbrook', ['repairs-planner'], { name: 'Dai Price' });

beforeAll(async () => {
  db = await createTestDatabase(tokens.env);
  millbrook = await insertMember(db.admin, 'millbrook', { assets: {}, repairs: {} });
  aber = await insertMember(db.admin, 'aber', { assets: {}, repairs: {} });
  api = await serveModulesForTest(db.config, REPAIRS_MODULES);
  dwelling = await insertAsset(db.admin, millbrook);
  const { rows } = await db.admin.query(
    `insert into hearth.repair (tenant_id, asset_id, description, reported_by_kind, reported_by, status, priority, trade, triaged_at, triaged_by)
     values ($1, $2, 'Leak under the sink', 'staff', 'Ffion Evans', 'triaged', 'routine', 'plumbing', now(), 'Dai Price') returning id`,
    [millbrook.id, dwelling],
  );
  repairId = rows[0].id;
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

/** A work order arranged in SQL in `status`, with what the table's checks need for it. */
async function workOrderIn(status: WorkOrderStatus, fields: { trade?: string; contractorId?: string } = {}): Promise<string> {
  const { rows } = await db.admin.query(
    `insert into hearth.work_order (tenant_id, repair_id, status, priority, emergency, trade, contractor_id, raised_at, target_at, warn_at,
       on_hold_reason, completed_at, inspected_at, cancelled_reason)
     values ($1, $2, $3, 'routine', false, $4, $5, now() - interval '2 days', now() + interval '20 days', now() + interval '19 days',
       case when $3 = 'on_hold' then 'Waiting for parts' end,
       case when $3 in ('completed', 'inspected') then now() - interval '1 day' end,
       case when $3 = 'inspected' then now() - interval '1 hour' end,
       case when $3 = 'cancelled' then 'Duplicate' end)
     returning id`,
    [millbrook.id, repairId, status, fields.trade ?? 'plumbing', fields.contractorId ?? null],
  );
  return rows[0].id;
}

const asPlanner = <T>(work: (service: WorkOrderService) => Promise<T>) =>
  api.app.get(TransactionManager).run({ actor: PLANNER, tenantId: millbrook.id }, () => work(api.app.get(WorkOrderService)));

const rowOf = async (id: string) => (await db.admin.query(`select * from hearth.work_order where id = $1`, [id])).rows[0];
const countOf = async (sql: string, params: unknown[] = []) => (await db.admin.query(`select count(*)::int as n from ${sql}`, params)).rows[0].n as number;
/** Enough for any move: the reason holding and cancelling need, the notes completing needs. */
const DETAILS: TransitionDetails = { reason: 'No access', notes: 'Replaced the washer' };

const ALLOWED_PAIRS = WORK_ORDER_STATUSES.flatMap((from) => ALLOWED_TRANSITIONS[from].map((to) => [from, to] as const));
const REFUSED_PAIRS = WORK_ORDER_STATUSES.flatMap((from) => WORK_ORDER_STATUSES.filter((to) => !ALLOWED_TRANSITIONS[from].includes(to)).map((to) => [from, to] as const));

describe('WorkOrderService.transition', () => {
  it.each(ALLOWED_PAIRS)('moves %s → %s, recording the transition, the event and the audit entry', async (from, to) => {
    const id = await workOrderIn(from);
    const result = await asPlanner((service) => service.transition(id, to, DETAILS));
    expect(result).toBeInstanceOf(WorkOrder);
    const row = await rowOf(id);
    expect(row.status).toBe(to);
    expect(row.on_hold_reason).toBe(to === 'on_hold' ? 'No access' : null);
    if (to === 'completed') expect(row.completion_notes).toBe('Replaced the washer');
    if (to === 'cancelled') expect(row.cancelled_reason).toBe('No access');
    const transitions = await db.admin.query(`select from_status, to_status, actor_kind, actor_id from hearth.work_order_transition where work_order_id = $1`, [id]);
    expect(transitions.rows).toEqual([{ from_status: from, to_status: to, actor_kind: 'user', actor_id: 'planner-1' }]);
    const events = await db.admin.query(`select payload from hearth.outbox_event where aggregate_id = $1 and type = 'repairs.work_order.status_changed'`, [id]);
    expect(events.rows).toEqual([{ payload: expect.objectContaining({ id, from, to, actorKind: 'user' }) }]);
    expect(await countOf(`hearth.audit_log where target_id = $1 and operation = 'transitionWorkOrder'`, [id])).toBe(1);
  });

  it.each(REFUSED_PAIRS)('refuses %s → %s and changes nothing', async (from, to) => {
    const id = await workOrderIn(from);
    const before = await rowOf(id);
    const result = await asPlanner((service) => service.transition(id, to, DETAILS));
    expect(result).toBeInstanceOf(TransitionRefused);
    expect(result).toMatchObject({ code: 'TRANSITION_REFUSED', from, to, allowed: ALLOWED_TRANSITIONS[from] });
    expect(await rowOf(id)).toEqual(before);
    expect(await countOf(`hearth.work_order_transition where work_order_id = $1`, [id])).toBe(0);
    expect(await countOf(`hearth.outbox_event where aggregate_id = $1`, [id])).toBe(0);
  });

  it('needs a reason to hold or cancel, and completion notes', async () => {
    const id = await workOrderIn('in_progress');
    for (const to of ['on_hold', 'cancelled', 'completed'] as const) {
      const result = await asPlanner((service) => service.transition(id, to, {}));
      expect(result).toBeInstanceOf(WorkOrderInvalid);
    }
    expect((await rowOf(id)).status).toBe('in_progress');
  });

  it('applies only one of two changes made at the same moment', async () => {
    const id = await workOrderIn('in_progress');
    const results = await Promise.all([
      asPlanner((service) => service.transition(id, 'completed', { notes: 'Fixed' })),
      asPlanner((service) => service.transition(id, 'cancelled', { reason: 'Tenant fixed it' })),
    ]);
    expect(results.filter((r) => r instanceof WorkOrder)).toHaveLength(1);
    expect(results.filter((r) => r instanceof TransitionRefused)).toHaveLength(1);
    expect(await countOf(`hearth.work_order_transition where work_order_id = $1`, [id])).toBe(1);
  });

  it('reports a work order of another member as not found', async () => {
    const id = await workOrderIn('raised');
    const result = await api.app.get(TransactionManager).run({ actor: PLANNER, tenantId: aber.id }, () => api.app.get(WorkOrderService).transition(id, 'assigned'));
    expect(result).toMatchObject({ code: 'WORK_ORDER_NOT_FOUND' });
  });
});

const FAILURES = `... on ErrorResult { __typename code message } ... on WorkOrderInvalid { problems { field message } }
  ... on TransitionRefused { from to allowed }`;
const WORK_ORDER = `__typename ... on WorkOrder { id status inHouse onHoldReason completedAt completionNotes breached allowedTransitions
  contractor { name } appointment { day slot bookedBy } attachments { fileId file { name } } transitions { fromStatus toStatus reason } } ${FAILURES}`;
const mutation = (name: string, inputType: string) => `mutation ($input: ${inputType}!) { ${name}(input: $input) { ${WORK_ORDER} } }`;
const ASSIGN = mutation('assignWorkOrder', 'AssignWorkOrderInput');
const SCHEDULE = mutation('scheduleWorkOrder', 'ScheduleWorkOrderInput');
const HOLD = mutation('holdWorkOrder', 'HoldWorkOrderInput');
const RESUME = mutation('resumeWorkOrder', 'ResumeWorkOrderInput');
const COMPLETE = mutation('completeWorkOrder', 'CompleteWorkOrderInput');
const INSPECT = mutation('inspectWorkOrder', 'InspectWorkOrderInput');
const CANCEL = mutation('cancelWorkOrder', 'CancelWorkOrderInput');
const START = `mutation ($id: ID!) { startWorkOrder(id: $id) { ${WORK_ORDER} } }`;

const call = async (query: string, variables: Record<string, unknown>, token = planner()) => Object.values(dataOf(await api.gql(query, variables, { token })))[0] as any;

/** The next working day after today in England, `skip` working days on. */
function workingDayAhead(skip = 0): string {
  const calendar = new WorkingCalendar('england-and-wales');
  const end = calendar.due(new Date(), { workingDays: 1 + skip });
  return ukDay(new Date(end.getTime() - 1));
}

describe('work order mutations', () => {
  it('takes a work order from raised to inspected through the API', async () => {
    const plumbers = await insertContractor(db.admin, millbrook, 'Pipe Dreams', ['plumbing', 'heating']);
    const photo = await insertStoredFile(db.admin, millbrook, 'after.jpg');
    const id = await workOrderIn('raised');
    expect(await call(ASSIGN, { input: { id, contractorId: plumbers } })).toMatchObject({ status: 'ASSIGNED', inHouse: false, contractor: { name: 'Pipe Dreams' } });
    const day = workingDayAhead();
    expect(await call(SCHEDULE, { input: { id, day, slot: 'AM' } })).toMatchObject({ status: 'SCHEDULED', appointment: { day, slot: 'AM', bookedBy: 'Dai Price' } });
    expect(await call(HOLD, { input: { id, reason: 'Waiting for a part' } })).toMatchObject({ status: 'ON_HOLD', onHoldReason: 'Waiting for a part' });
    expect(await call(RESUME, { input: { id, to: 'IN_PROGRESS' } })).toMatchObject({ status: 'IN_PROGRESS', onHoldReason: null });
    const completed = await call(COMPLETE, { input: { id, notes: 'New washer fitted', attachmentFileIds: [photo] } });
    expect(completed).toMatchObject({ status: 'COMPLETED', completionNotes: 'New washer fitted', breached: false, attachments: [{ fileId: photo, file: { name: 'after.jpg' } }] });
    expect(completed.appointment).toBeNull();
    const inspected = await call(INSPECT, { input: { id } });
    expect(inspected).toMatchObject({ status: 'INSPECTED', allowedTransitions: [] });
    expect(inspected.transitions.map((t: any) => t.toStatus)).toEqual(['ASSIGNED', 'SCHEDULED', 'ON_HOLD', 'IN_PROGRESS', 'COMPLETED', 'INSPECTED']);
    expect(await call(CANCEL, { input: { id, reason: 'Too late' } })).toMatchObject({
      __typename: 'TransitionRefused', from: 'INSPECTED', to: 'CANCELLED', allowed: [], message: 'A work order that is inspected cannot become cancelled: it cannot change any more',
    });
  });

  it('assigns to the in-house team, and starts and cancels', async () => {
    const id = await workOrderIn('raised');
    expect(await call(ASSIGN, { input: { id, inHouse: true } })).toMatchObject({ status: 'ASSIGNED', inHouse: true, contractor: null });
    expect(await call(START, { id })).toMatchObject({ status: 'IN_PROGRESS' });
    expect(await call(CANCEL, { input: { id, reason: 'Tenant fixed it' } })).toMatchObject({ status: 'CANCELLED', breached: false });
  });

  it('refuses a contractor without the trade, an inactive one, and neither or both of contractor and in-house', async () => {
    const roofers = await insertContractor(db.admin, millbrook, 'Top Roofs', ['roofing']);
    const gone = await insertContractor(db.admin, millbrook, 'Gone Plumbing', ['plumbing'], { active: false });
    const id = await workOrderIn('raised');
    expect(await call(ASSIGN, { input: { id, contractorId: roofers } })).toMatchObject({
      __typename: 'WorkOrderInvalid', problems: [{ field: 'contractorId', message: 'Top Roofs does not do plumbing work (only roofing)' }],
    });
    expect(await call(ASSIGN, { input: { id, contractorId: gone } })).toMatchObject({ __typename: 'WorkOrderInvalid', problems: [{ message: 'Gone Plumbing is not active' }] });
    expect(await call(ASSIGN, { input: { id } })).toMatchObject({ __typename: 'WorkOrderInvalid' });
    expect(await call(ASSIGN, { input: { id, contractorId: roofers, inHouse: true } })).toMatchObject({ __typename: 'WorkOrderInvalid' });
    expect((await rowOf(id)).status).toBe('raised');
  });

  it('rebooks by cancelling the live appointment, and refuses past days and days off', async () => {
    const id = await workOrderIn('assigned');
    const [first, second] = [workingDayAhead(), workingDayAhead(1)];
    await call(SCHEDULE, { input: { id, day: first, slot: 'AM' } });
    expect(await call(SCHEDULE, { input: { id, day: second, slot: 'PM' } })).toMatchObject({ status: 'SCHEDULED', appointment: { day: second, slot: 'PM' } });
    const appointments = await db.admin.query(`select day::text, cancelled_at is not null as cancelled from hearth.appointment where work_order_id = $1 order by booked_at`, [id]);
    expect(appointments.rows).toEqual([{ day: first, cancelled: true }, { day: second, cancelled: false }]);

    const saturday = [...Array(7).keys()].map((n) => ukDay(new Date(Date.now() + (n + 1) * 86_400_000))).find((d) => new Date(`${d}T12:00:00Z`).getUTCDay() === 6)!;
    for (const [day, message] of [['2020-01-06', 'is in the past'], [saturday, 'is not a working day'], ['2030-12-25', 'is not a working day'], ['2030-02-30', 'is not a date']]) {
      const result = await call(SCHEDULE, { input: { id, day, slot: 'AM' } });
      expect(result).toMatchObject({ __typename: 'WorkOrderInvalid', problems: [{ field: 'day', message: expect.stringContaining(message) }] });
    }
    expect(await countOf(`hearth.appointment where work_order_id = $1`, [id])).toBe(2);
    expect(isCalendarDay(saturday)).toBe(true);
  });

  it("refuses attachments that are not the member's uploaded files, and a completion in the future, changing nothing", async () => {
    const id = await workOrderIn('in_progress');
    const theirs = await insertStoredFile(db.admin, aber, 'theirs.jpg');
    const refused = await call(COMPLETE, { input: { id, notes: 'Done', attachmentFileIds: [theirs] } });
    expect(refused).toMatchObject({ __typename: 'WorkOrderInvalid', problems: [{ field: 'attachmentFileIds[0]', message: `There is no uploaded file ${theirs}` }] });
    const future = await call(COMPLETE, { input: { id, notes: 'Done', completedAt: new Date(Date.now() + 3_600_000).toISOString(), attachmentFileIds: [] } });
    expect(future).toMatchObject({ __typename: 'WorkOrderInvalid', problems: [{ field: 'completedAt' }] });
    expect((await rowOf(id)).status).toBe('in_progress');
    expect(await countOf(`hearth.work_order_attachment where work_order_id = $1`, [id])).toBe(0);
  });

  it('answers a refused move through GraphQL as TransitionRefused', async () => {
    const id = await workOrderIn('raised');
    expect(await call(START, { id })).toEqual({
      __typename: 'TransitionRefused', code: 'TRANSITION_REFUSED', from: 'RAISED', to: 'IN_PROGRESS', allowed: ['ASSIGNED', 'ON_HOLD', 'CANCELLED'],
      message: 'A work order that is raised cannot become in_progress: it may go to assigned, on_hold, cancelled',
    });
  });

  it('lists work orders by target with the filters', async () => {
    const late = await workOrderIn('assigned');
    await db.admin.query(`update hearth.work_order set raised_at = now() - interval '30 days', target_at = now() - interval '1 day', warn_at = now() - interval '2 days' where id = $1`, [late]);
    const LIST = `query ($filter: WorkOrdersFilter) { workOrders(first: 100, filter: $filter) { totalCount edges { node { id breached } } } }`;
    const breached = dataOf(await api.gql(LIST, { filter: { breached: true, status: ['ASSIGNED'], inHouse: true } }, { token: planner() })).workOrders;
    expect(breached.edges.map((e: any) => e.node)).toEqual([{ id: late, breached: true }]);
    const soon = dataOf(await api.gql(LIST, { filter: { targetBefore: new Date().toISOString() } }, { token: planner() })).workOrders;
    expect(soon.edges.map((e: any) => e.node.id)).toContain(late);
  });

  it('is not for a housing officer', async () => {
    const id = await workOrderIn('raised');
    const res = await api.gql(START, { id }, { token: tokens.user('millbrook', ['housing-officer']) });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
