import type { INestApplicationContext } from '@nestjs/common';
import { TransactionManager } from '@hearth/platform-database';
import { MemberCalendar, ukDay, type WorkingCalendar } from '@hearth/platform-calendar';
import { ContractorService, HazardService, RepairService, WorkOrderService, type Trade } from '@hearth/housing-repairs';
import type { DemoStep } from '../demo-step';

const DAY_MS = 86_400_000;

type Stage = 'reported' | 'cancelled' | 'raised' | 'assigned' | 'scheduled' | 'in_progress' | 'on_hold' | 'completed';

interface DemoRepair {
  description: string;
  location: string;
  priority: string;
  trade: Trade;
  sorCode?: string;
  stage: Stage;
  /** A contractor's name, or in-house when left out. */
  contractor?: string;
  /** Reported this many days ago, so some are past their target. */
  daysAgo?: number;
}

const CONTRACTORS: { name: string; trades: Trade[]; email: string; phone: string }[] = [
  { name: 'Millbrook Plumbing & Heating Ltd', trades: ['plumbing', 'heating', 'gas', 'drainage'], email: 'jobs@millbrook-plumbing.example', phone: '01632 960101' },
  { name: 'Riverside Building Services', trades: ['general', 'carpentry', 'plastering', 'roofing', 'glazing', 'damp_and_mould'], email: 'office@riverside-building.example', phone: '01632 960202' },
  { name: 'Spark Electrical Ltd', trades: ['electrical'], email: 'bookings@spark-electrical.example', phone: '01632 960303' },
];

const REPAIRS: DemoRepair[] = [
  { description: 'Kitchen tap drips constantly', location: 'kitchen', priority: 'routine', trade: 'plumbing', stage: 'reported' },
  { description: 'Front door sticks and will not lock', location: 'hallway', priority: 'urgent', trade: 'carpentry', stage: 'reported' },
  { description: 'Bathroom extractor fan not working', location: 'bathroom', priority: 'urgent', trade: 'electrical', sorCode: '620005', stage: 'raised' },
  { description: 'No heating or hot water', location: 'airing cupboard', priority: 'emergency', trade: 'heating', sorCode: '611025', stage: 'assigned', contractor: 'Millbrook Plumbing & Heating Ltd', daysAgo: 3 },
  { description: 'Blocked kitchen sink waste', location: 'kitchen', priority: 'urgent', trade: 'drainage', sorCode: '603027', stage: 'scheduled', contractor: 'Millbrook Plumbing & Heating Ltd' },
  { description: 'Internal door catches on the carpet', location: 'living room', priority: 'routine', trade: 'carpentry', sorCode: '302015', stage: 'scheduled' },
  { description: 'Several roof tiles slipped after the storm', location: 'roof', priority: 'urgent', trade: 'roofing', sorCode: '401007', stage: 'in_progress', contractor: 'Riverside Building Services', daysAgo: 12 },
  { description: 'Socket in the bedroom sparks when used', location: 'main bedroom', priority: 'emergency', trade: 'electrical', sorCode: '620019', stage: 'on_hold', contractor: 'Spark Electrical Ltd', daysAgo: 2 },
  { description: 'Cracked tiles behind the bath', location: 'bathroom', priority: 'routine', trade: 'plastering', sorCode: '201003', stage: 'completed', contractor: 'Riverside Building Services', daysAgo: 9 },
  { description: 'Toilet cistern leaking onto the floor', location: 'bathroom', priority: 'urgent', trade: 'plumbing', sorCode: '603041', stage: 'completed', daysAgo: 20 },
  { description: 'Gutter overflowing at the back', location: 'rear elevation', priority: 'routine', trade: 'roofing', stage: 'cancelled' },
  { description: 'Black mould on the bedroom ceiling', location: 'back bedroom', priority: 'urgent', trade: 'damp_and_mould', sorCode: '701010', stage: 'raised', daysAgo: 25 },
];

/** The demo's problems are bugs in the demo, so say which and stop (the step's unit of work rolls back). */
function must<T extends object>(result: T, what: string): Exclude<T, { code: string }> {
  if ('code' in result && typeof result.code === 'string') throw new Error(`The repairs demo could not ${what}: ${result.code} ${JSON.stringify(result)}`);
  return result as Exclude<T, { code: string }>;
}

/**
 * Millbrook's repairs as a planner would find them mid-week: contractors, a dozen repairs in every
 * status and priority (some reported days ago and now past target), work orders assigned and
 * booked, and two damp and mould cases under Awaab's Law, one near its deadline and one past it.
 * All through the repairs module's services; only the report times are moved into the past
 * afterwards, since a service records a report as made now. Skipped once the member has repairs.
 */
export const repairsDemo: DemoStep = {
  name: 'repairs',
  modules: ['repairs'],
  async run(app, member) {
    if (member.country !== 'england') return [];
    const transactions = app.get(TransactionManager);
    if ((await transactions.query(`select 1 from hearth.repair limit 1`)).length) return [];
    const dwellings = await transactions.query<{ id: string }>(`select id from hearth.asset where kind = 'dwelling' order by address_line_1, id`);
    if (!dwellings.length) return [];
    const calendar = await app.get(MemberCalendar).forCurrentMember();

    const contractors = new Map<string, string>();
    for (const contractor of CONTRACTORS) {
      contractors.set(contractor.name, must(await app.get(ContractorService).create(contractor), `add ${contractor.name}`).id);
    }

    const repairIds: string[] = [];
    for (const [i, repair] of REPAIRS.entries()) {
      repairIds.push(await arrangeRepair(app, calendar, dwellings[i % dwellings.length].id, repair, contractors));
    }

    const [damp] = REPAIRS.flatMap((repair, i) => (repair.trade === 'damp_and_mould' ? [{ repair, id: repairIds[i], assetId: dwellings[i % dwellings.length].id }] : []));
    const hazards = app.get(HazardService);
    must(await hazards.report({
      assetId: damp.assetId, hazardType: 'damp_and_mould', severity: 'significant', repairIds: [damp.id],
      description: 'Black mould across the back bedroom ceiling; the household includes a child with asthma.',
      awareAt: new Date(Date.now() - (damp.repair.daysAgo ?? 0) * DAY_MS),
    }), 'open the overdue hazard case');
    must(await hazards.report({
      assetId: dwellings[(REPAIRS.length + 1) % dwellings.length].id, hazardType: 'damp_and_mould', severity: 'significant',
      description: 'Condensation and mould around the living room windows.',
      awareAt: awareNearDeadline(calendar),
    }), 'open the hazard case near its deadline');

    return [`${CONTRACTORS.length} contractors`, `${REPAIRS.length} repairs with their work orders`, '2 hazard cases'];
  },
};

async function arrangeRepair(app: INestApplicationContext, calendar: WorkingCalendar, assetId: string, demo: DemoRepair, contractors: Map<string, string>): Promise<string> {
  const repairs = app.get(RepairService);
  const workOrders = app.get(WorkOrderService);
  const transactions = app.get(TransactionManager);
  const { id } = must(await repairs.report({ assetId, description: demo.description, location: demo.location, reporterName: 'Resident (by phone)' }), `report "${demo.description}"`);
  if (demo.stage === 'reported') return id;
  if (demo.stage === 'cancelled') {
    must(await repairs.cancel({ id, reason: 'Reported twice: the same gutter is on an earlier repair' }), 'cancel a repair');
    return id;
  }
  const contractorId = demo.contractor ? contractors.get(demo.contractor) : undefined;
  must(await repairs.triage({
    repairId: id, priority: demo.priority, trade: demo.trade,
    workOrders: [{ lines: demo.sorCode ? [{ sorCode: demo.sorCode, quantity: 1 }] : [] }],
  }), `triage "${demo.description}"`);
  const [{ id: workOrderId }] = await transactions.query<{ id: string }>(`select id from hearth.work_order where repair_id = $1`, [id]);
  // Shift the report into the past before the work moves on, so every later step happens after it was raised.
  if (demo.daysAgo) await backdate(app, id, workOrderId, demo.daysAgo);
  if (demo.stage === 'raised') return id;

  must(await workOrders.assign(contractorId ? { id: workOrderId, contractorId } : { id: workOrderId, inHouse: true }), `assign "${demo.description}"`);
  if (demo.stage === 'scheduled') {
    must(await workOrders.schedule({ id: workOrderId, day: nextWorkingDay(calendar), slot: 'am' }), `book "${demo.description}"`);
  }
  if (demo.stage === 'in_progress' || demo.stage === 'completed') must(await workOrders.transition(workOrderId, 'in_progress'), `start "${demo.description}"`);
  if (demo.stage === 'on_hold') must(await workOrders.transition(workOrderId, 'on_hold', { reason: 'Waiting for parts' }), `hold "${demo.description}"`);
  if (demo.stage === 'completed') {
    must(await workOrders.complete({ id: workOrderId, notes: 'Repaired and tested; area left clean.', attachmentFileIds: [] }), `complete "${demo.description}"`);
  }
  return id;
}

async function backdate(app: INestApplicationContext, repairId: string, workOrderId: string, days: number): Promise<void> {
  const transactions = app.get(TransactionManager);
  const shift = `${days} days`;
  await transactions.query(`update hearth.repair set reported_at = reported_at - $2::interval, triaged_at = triaged_at - $2::interval where id = $1`, [repairId, shift]);
  await transactions.query(
    `update hearth.work_order set raised_at = raised_at - $2::interval, target_at = target_at - $2::interval, warn_at = warn_at - $2::interval where id = $1`,
    [workOrderId, shift],
  );
  await transactions.query(`update hearth.work_order_transition set occurred_at = occurred_at - $2::interval where work_order_id = $1`, [workOrderId, shift]);
}

function nextWorkingDay(calendar: WorkingCalendar): string {
  let day = new Date(Date.now() + DAY_MS);
  while (!calendar.isWorkingDay(ukDay(day))) day = new Date(day.getTime() + DAY_MS);
  return ukDay(day);
}

/** Awareness far enough back that the 10-working-day investigation is due within two working days. */
function awareNearDeadline(calendar: WorkingCalendar): Date {
  const now = new Date();
  // The most recent awareness that is within two working days of the deadline: two days left, or one over a weekend.
  for (let days = 1; days <= 20; days += 1) {
    const aware = new Date(now.getTime() - days * DAY_MS);
    const due = calendar.due(aware, { workingDays: 10 });
    if (due > now && calendar.workingDaysBetween(now, new Date(due.getTime() - 1)) <= 2) return aware;
  }
  return now;
}
