import type { INestApplicationContext } from '@nestjs/common';
import { createTestDatabase, insertMember, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { AlertNotFound, Person, PersonAlert, PersonInvalid, PersonNotFound } from './person.model';
import { PersonService } from './person.service';
import { arrangePerson, registerCounts } from './testing/register-arrangements';
import { OFFICER, PLANNER, startRegister, workAs } from './testing/register-context';
import type { CreatePersonInput } from './dto/create-person.input';

let db: TestDatabase;
let app: INestApplicationContext;
let member: TestMember;
let people: PersonService;

beforeAll(async () => {
  db = await createTestDatabase();
  member = await insertMember(db.admin, 'millbrook', { assets: {}, tenancies: {} });
  app = await startRegister(db.config);
  people = app.get(PersonService);
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

const asOfficer = <T>(work: () => Promise<T>) => workAs(app, member.id, OFFICER, work);
const input = (fields: Partial<CreatePersonInput> = {}): CreatePersonInput =>
  ({ givenName: 'Mair', familyName: 'Hughes', preferredLanguage: 'cy', communicationNeeds: [], references: [], ...fields }) as CreatePersonInput;

function person(result: unknown): Person {
  if (!(result instanceof Person)) throw new Error(`expected a person, got ${JSON.stringify(result)}`);
  return result;
}

describe('creating a person', () => {
  it('saves them with their references, audits and announces it', async () => {
    const created = person(await asOfficer(() =>
      people.create(input({ email: 'mair@example.test', communicationNeeds: ['large_print'], references: [{ system: 'orchard', reference: 'P-100' }] })),
    ));
    expect(created).toMatchObject({ givenName: 'Mair', familyName: 'Hughes', preferredLanguage: 'cy', communicationNeeds: ['large_print'] });
    const { rows: refs } = await db.admin.query(`select system, reference from hearth.person_reference where person_id = $1`, [created.id]);
    expect(refs).toEqual([{ system: 'orchard', reference: 'P-100' }]);
    const { rows: audit } = await db.admin.query(`select operation, actor_name from hearth.audit_log where target_id = $1`, [created.id]);
    expect(audit).toEqual([{ operation: 'createPerson', actor_name: 'Ffion Evans' }]);
    const { rows: events } = await db.admin.query(`select type, payload from hearth.outbox_event where aggregate_id = $1`, [created.id]);
    // Events leave Hearth through webhooks: they carry the id, never personal details.
    expect(events).toEqual([{ type: 'tenancies.person.created', payload: { id: created.id } }]);
  });

  it('refuses a reference that already names someone, and writes nothing', async () => {
    await arrangePerson(db.admin, member.id, 'Owen', 'Price', 'P-200');
    const before = await registerCounts(db.admin);
    const result = await asOfficer(() => people.create(input({ references: [{ system: 'legacy', reference: 'P-200' }] })));
    expect(result).toBeInstanceOf(PersonInvalid);
    expect((result as PersonInvalid).problems).toEqual([{ field: 'references[0]', message: expect.stringMatching(/P-200 of legacy already names person/) }]);
    expect(await registerCounts(db.admin)).toEqual(before);
  });
});

describe('updating a person', () => {
  it('changes the given fields only, clears one given as null, and names the fields in its event', async () => {
    const id = person(await asOfficer(() => people.create(input({ email: 'old@example.test', phone: '029 2000 0000' })))).id;
    const updated = person(await asOfficer(() => people.update({ id, familyName: 'Hughes-Jones', email: null } as never)));
    expect(updated).toMatchObject({ givenName: 'Mair', familyName: 'Hughes-Jones', email: null, phone: '029 2000 0000' });
    const { rows } = await db.admin.query(`select payload from hearth.outbox_event where aggregate_id = $1 and type = 'tenancies.person.updated'`, [id]);
    expect(rows).toEqual([{ payload: { id, fields: ['familyName', 'email'] } }]);
  });

  it('writes nothing when nothing changes', async () => {
    const id = person(await asOfficer(() => people.create(input()))).id;
    const before = await registerCounts(db.admin);
    await asOfficer(() => people.update({ id, givenName: 'Mair' } as never));
    expect(await registerCounts(db.admin)).toEqual(before);
  });

  it('answers PersonNotFound for an id it cannot see', async () => {
    const other = await insertMember(db.admin, 'elsewhere', { assets: {}, tenancies: {} });
    const theirs = await arrangePerson(db.admin, other.id, 'Not', 'Ours');
    expect(await asOfficer(() => people.update({ id: theirs, givenName: 'X' } as never))).toBeInstanceOf(PersonNotFound);
  });
});

describe('listing and searching people', () => {
  let tenant: string;

  beforeAll(async () => {
    tenant = (await insertMember(db.admin, 'searchers', { assets: {}, tenancies: {} })).id;
    const names = [['Priya', 'Patel'], ['Aled', 'Williams'], ['Bethan', 'Williams'], ['Zoe', 'Abbott'], ['Carys', 'Williamson']];
    for (const [i, [given, family]] of names.entries()) await arrangePerson(db.admin, tenant, given, family, `TEN-00${i + 1}0`);
  });

  const list = (args: Parameters<PersonService['list']>[0]) => workAs(app, tenant, OFFICER, () => people.list(args));
  const names = (connection: Awaited<ReturnType<PersonService['list']>>) => connection.edges.map((e) => `${e.node.givenName} ${e.node.familyName}`);

  it('lists by family then given name, in pages that neither repeat nor skip', async () => {
    const first = await list({ first: 2 });
    const second = await list({ first: 2, after: first.pageInfo.endCursor! });
    const third = await list({ first: 2, after: second.pageInfo.endCursor! });
    expect([...names(first), ...names(second), ...names(third)]).toEqual([
      'Zoe Abbott', 'Priya Patel', 'Aled Williams', 'Bethan Williams', 'Carys Williamson',
    ]);
    expect(first.totalCount).toBe(5);
    expect([first.pageInfo.hasNextPage, third.pageInfo.hasNextPage]).toEqual([true, false]);
  });

  it('finds people by name, forgiving a typing slip', async () => {
    expect(names(await list({ search: 'williams' }))).toEqual(['Aled Williams', 'Bethan Williams', 'Carys Williamson']);
    expect(names(await list({ search: 'Priya Patle' }))).toEqual(['Priya Patel']);
  });

  it('finds people by the start of a legacy reference, in any case', async () => {
    const found = await list({ search: 'ten-003' });
    expect(names(found)).toEqual(['Bethan Williams']);
    expect(found.totalCount).toBe(1);
  });

  it('refuses a cursor it did not issue', async () => {
    await expect(list({ after: 'bm9wZQ' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('person alerts', () => {
  let personId: string;

  beforeAll(async () => {
    personId = await arrangePerson(db.admin, member.id, 'Gwen', 'Morgan');
  });

  it('raises an alert with its meaning; the note is for permitted roles only', async () => {
    const raised = await asOfficer(() => people.raiseAlert({ personId, code: '20-70', note: 'Contact social worker first' }));
    expect(raised).toMatchObject({ code: '20-70', meaning: 'Safeguarding', note: 'Contact social worker first', raisedBy: 'Ffion Evans' });
    const { rows } = await db.admin.query(`select payload from hearth.outbox_event where type = 'tenancies.alert.raised'`);
    expect(rows).toEqual([{ payload: { id: (raised as PersonAlert).id, personId, code: '20-70' } }]);
    const seenByPlanner = await workAs(app, member.id, PLANNER, async () => people.mayReadAlertNotes());
    expect(seenByPlanner).toBe(false);
  });

  it('refuses a second active alert with the same code', async () => {
    const result = await asOfficer(() => people.raiseAlert({ personId, code: '20-70' }));
    expect(result).toBeInstanceOf(PersonInvalid);
    expect((result as PersonInvalid).message).toMatch(/already has an active 20-70 alert \(Safeguarding\)/);
  });

  it('answers PersonNotFound for a person it cannot see', async () => {
    expect(await asOfficer(() => people.raiseAlert({ personId: '00000000-0000-4000-8000-000000000000', code: '10' }))).toBeInstanceOf(PersonNotFound);
  });

  it('ends an alert once, not before it was raised', async () => {
    const alert = (await asOfficer(() => people.raiseAlert({ personId, code: '40', raisedOn: '2024-03-01' }))) as PersonAlert;
    const early = await asOfficer(() => people.endAlert({ alertId: alert.id, endedOn: '2024-02-01' }));
    expect((early as PersonInvalid).problems).toEqual([{ field: 'endedOn', message: 'endedOn must not be before the alert was raised (2024-03-01)' }]);
    const ended = await asOfficer(() => people.endAlert({ alertId: alert.id, endedOn: '2024-06-30' }));
    expect(ended).toMatchObject({ code: '40', endedOn: '2024-06-30' });
    const again = await asOfficer(() => people.endAlert({ alertId: alert.id }));
    expect((again as PersonInvalid).message).toBe('That alert already ended on 2024-06-30');
  });

  it('answers AlertNotFound for an alert it cannot see', async () => {
    expect(await asOfficer(() => people.endAlert({ alertId: '00000000-0000-4000-8000-000000000000' }))).toBeInstanceOf(AlertNotFound);
  });
});
