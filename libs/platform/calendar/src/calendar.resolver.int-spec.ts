import { createTestDatabase, insertMember, serveModulesForTest, TestTokens, type TestApi, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { CalendarModule } from './calendar.module';
import { workingDayAhead } from './testing/days-ahead';
import { addDays, ukDay } from './uk-day';

const tokens = new TestTokens();
let db: TestDatabase;
let api: TestApi;
let wales: TestMember;
let scotland: TestMember;

beforeAll(async () => {
  db = await createTestDatabase(tokens.env);
  wales = await insertMember(db.admin, 'aber', {}, { country: 'wales', languages: ['cy', 'en'] });
  scotland = await insertMember(db.admin, 'glen', {}, { country: 'scotland' });
  // The API's GraphQL stack with the calendar alone, which is all these operations need.
  api = await serveModulesForTest(db.config, [CalendarModule]);
});

// Each test arranges the closure days it needs.
afterEach(() => db.admin.query(`delete from hearth.closure_day`));

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

const codeOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.code;
const officer = (member: TestMember) => tokens.user(member.organization, ['housing-officer']);
const admin = (member: TestMember) => tokens.user(member.organization, ['tenant-admin'], { name: 'Siân Lloyd' });

async function closureRows(member: TestMember) {
  const { rows } = await db.admin.query(`select day::text, description, created_by from hearth.closure_day where tenant_id = $1 order by day`, [member.id]);
  return rows;
}

const BANK_HOLIDAYS = `query ($region: CalendarRegion!, $year: Int!) { bankHolidays(region: $region, year: $year) { date name } }`;
const DEADLINE = `query ($from: DateTime!, $period: PeriodInput!) { workingDeadline(from: $from, period: $period) }`;
const CLOSURE_DAYS = `query ($from: String, $to: String) { closureDays(from: $from, to: $to) { day description createdBy } }`;
const RESULT = `
  __typename
  ... on ClosureDay { day description createdBy }
  ... on ClosureDayInvalid { code message problems { field message } }`;
const ADD = `mutation ($day: String!, $description: String!) {
  addClosureDay(day: $day, description: $description) { ${RESULT} ... on ClosureDayTaken { code message existing { day description } } }
}`;
const REMOVE = `mutation ($day: String!) { removeClosureDay(day: $day) { ${RESULT} ... on ClosureDayNotFound { code message day } } }`;

describe('bankHolidays', () => {
  it("gives any staff member a region's holidays as gov.uk lists them", async () => {
    const res = await api.gql(BANK_HOLIDAYS, { region: 'SCOTLAND', year: 2022 }, { token: officer(wales) });
    expect(res.errors).toBeUndefined();
    expect(res.data!.bankHolidays.slice(0, 2)).toEqual([
      { date: '2022-01-03', name: 'New Year’s Day (substitute day)' },
      { date: '2022-01-04', name: '2nd January (substitute day)' },
    ]);
    expect(res.data!.bankHolidays).toHaveLength(11);
  });

  it("lets a partner with calendar:read ask, and refuses one without it or no token", async () => {
    const allowed = await api.gql(BANK_HOLIDAYS, { region: 'NORTHERN_IRELAND', year: 2026 }, { token: tokens.partner('contractor-x', 'aber', ['calendar:read']) });
    expect(allowed.data!.bankHolidays).toContainEqual({ date: '2026-07-13', name: 'Battle of the Boyne (Orangemen’s Day) (substitute day)' });
    const refused = await api.gql(BANK_HOLIDAYS, { region: 'SCOTLAND', year: 2026 }, { token: tokens.partner('contractor-x', 'aber', ['register:read']) });
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(BANK_HOLIDAYS, { region: 'SCOTLAND', year: 2026 }))).toBe('UNAUTHENTICATED');
  });

  it('refuses a year it cannot answer for, and a region it does not know', async () => {
    const res = await api.gql(BANK_HOLIDAYS, { region: 'SCOTLAND', year: 1999 }, { token: officer(wales) });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toBe('The calendar knows bank holidays from 2000 to 2199, not in 1999');
    expect(codeOf(await api.gql(BANK_HOLIDAYS, { region: 'WALES', year: 2026 }, { token: officer(wales) }))).toBe('BAD_USER_INPUT');
  });
});

describe('workingDeadline', () => {
  const deadline = async (member: TestMember, from: string, period: Record<string, number>) => {
    const res = await api.gql(DEADLINE, { from, period }, { token: officer(member) });
    expect(res.errors).toBeUndefined();
    return res.data!.workingDeadline as string;
  };

  it("counts on the member's own region: Easter Monday is a working day in Scotland only", async () => {
    expect(await deadline(wales, '2027-03-25T23:59:00Z', { workingDays: 1 })).toBe('2027-03-30T23:00:00.000Z');
    expect(await deadline(scotland, '2027-03-25T23:59:00Z', { workingDays: 1 })).toBe('2027-03-29T23:00:00.000Z');
  });

  it('answers hours and calendar days too', async () => {
    expect(await deadline(wales, '2026-03-28T12:00:00Z', { hours: 24 })).toBe('2026-03-29T12:00:00.000Z');
    expect(await deadline(wales, '2026-01-05T10:00:00Z', { calendarDays: 84 })).toBe('2026-03-30T23:00:00.000Z');
  });

  it('refuses a period with none or two of its units, a negative one, and a date the calendar does not cover', async () => {
    for (const period of [{}, { hours: 4, workingDays: 1 }]) {
      const res = await api.gql(DEADLINE, { from: '2026-01-05T10:00:00Z', period }, { token: officer(wales) });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toBe('period must give exactly one of hours, workingDays or calendarDays');
    }
    expect(codeOf(await api.gql(DEADLINE, { from: '2026-01-05T10:00:00Z', period: { workingDays: -1 } }, { token: officer(wales) }))).toBe('BAD_USER_INPUT');
    const old = await api.gql(DEADLINE, { from: '1999-06-01T10:00:00Z', period: { workingDays: 1 } }, { token: officer(wales) });
    expect(codeOf(old)).toBe('BAD_USER_INPUT');
    expect(old.errors![0].message).toMatch(/from 2000 to 2199/);
  });
});

describe('closure days', () => {
  it('lets a member administrator add one, audited and announced, and deadlines then skip it', async () => {
    const day = workingDayAhead(20);
    const before = await deadline(day);
    const res = await api.gql(ADD, { day, description: '  Staff training  ' }, { token: admin(wales) });
    expect(res.data!.addClosureDay).toEqual({ __typename: 'ClosureDay', day, description: 'Staff training', createdBy: 'Siân Lloyd' });
    expect(await closureRows(wales)).toEqual([{ day, description: 'Staff training', created_by: 'Siân Lloyd' }]);
    expect(new Date(await deadline(day)).getTime()).toBeGreaterThan(new Date(before).getTime());

    const audit = await db.admin.query(`select operation, target_type, target_id from hearth.audit_log where tenant_id = $1 and target_type = 'closure_day'`, [wales.id]);
    expect(audit.rows).toEqual([{ operation: 'addClosureDay', target_type: 'closure_day', target_id: day }]);
    const events = await db.admin.query(`select type, payload from hearth.outbox_event where tenant_id = $1 and aggregate_type = 'closure_day'`, [wales.id]);
    expect(events.rows).toEqual([{ type: 'calendar.closure_day.added', payload: { day } }]);

  });

  /** The deadline for 1 working day from the working day before `day`: it is `day`'s end unless `day` is closed. */
  async function deadline(day: string): Promise<string> {
    const res = await api.gql(DEADLINE, { from: `${addDays(day, -1)}T12:00:00Z`, period: { workingDays: 1 } }, { token: officer(wales) });
    return res.data!.workingDeadline as string;
  }

  it('refuses a day already closed, with the one there, and changes nothing', async () => {
    const day = workingDayAhead(40);
    await api.gql(ADD, { day, description: 'Office move' }, { token: admin(wales) });
    const res = await api.gql(ADD, { day, description: 'Something else' }, { token: admin(wales) });
    expect(res.data!.addClosureDay).toEqual({
      __typename: 'ClosureDayTaken',
      code: 'CLOSURE_DAY_TAKEN',
      message: `${day} is already a closure day (Office move)`,
      existing: { day, description: 'Office move' },
    });
    expect((await closureRows(wales)).map((row) => row.description)).toEqual(['Office move']);
  });

  it.each([
    ['a date that does not exist', () => '2026-02-30', 'Training', [{ field: 'day', message: 'day must be a date written YYYY-MM-DD' }]],
    ['a day written another way', () => '30/12/2026', 'Training', [{ field: 'day', message: 'day must be a date written YYYY-MM-DD' }]],
    ['a day more than a year ago', () => addDays(ukDay(new Date()), -400), 'Training', [{ field: 'day', message: expect.stringMatching(/^day must not be more than a year in the past/) }]],
    ['a day more than five years ahead', () => addDays(ukDay(new Date()), 2000), 'Training', [{ field: 'day', message: expect.stringMatching(/^day must not be more than 5 years ahead/) }]],
    ['an empty description', () => workingDayAhead(10), '   ', [{ field: 'description', message: 'description must not be empty' }]],
    ['a description too long', () => workingDayAhead(10), 'x'.repeat(201), [{ field: 'description', message: 'description must be at most 200 characters' }]],
  ])('refuses %s and changes nothing', async (_case, day, description, problems) => {
    const res = await api.gql(ADD, { day: day(), description }, { token: admin(wales) });
    expect(res.data!.addClosureDay).toMatchObject({ __typename: 'ClosureDayInvalid', code: 'CLOSURE_DAY_INVALID', problems });
    expect(await closureRows(wales)).toEqual([]);
  });

  it('refuses staff who are not administrators, and partners, and changes nothing', async () => {
    const day = workingDayAhead(10);
    for (const token of [officer(wales), tokens.partner('contractor-x', 'aber', ['calendar:read'])]) {
      expect(codeOf(await api.gql(ADD, { day, description: 'Training' }, { token }))).toBe('FORBIDDEN');
    }
    expect(await closureRows(wales)).toEqual([]);
  });

  it('removes one, audited, and answers ClosureDayNotFound for a day that is not closed', async () => {
    const day = workingDayAhead(50);
    await api.gql(ADD, { day, description: 'Office move' }, { token: admin(wales) });
    const removed = await api.gql(REMOVE, { day }, { token: admin(wales) });
    expect(removed.data!.removeClosureDay).toEqual({ __typename: 'ClosureDay', day, description: 'Office move', createdBy: 'Siân Lloyd' });
    expect(await closureRows(wales)).toEqual([]);
    const audit = await db.admin.query(`select before->>'day' as day from hearth.audit_log where tenant_id = $1 and operation = 'removeClosureDay'`, [wales.id]);
    expect(audit.rows).toContainEqual({ day });

    const again = await api.gql(REMOVE, { day }, { token: admin(wales) });
    expect(again.data!.removeClosureDay).toEqual({ __typename: 'ClosureDayNotFound', code: 'CLOSURE_DAY_NOT_FOUND', message: `${day} is not a closure day`, day });
    const invalid = await api.gql(REMOVE, { day: 'tomorrow' }, { token: admin(wales) });
    expect(invalid.data!.removeClosureDay).toMatchObject({ __typename: 'ClosureDayInvalid', problems: [{ field: 'day' }] });
  });

  it("lists only the member's own, in date order within the window, and one member cannot remove another's", async () => {
    const [first, second] = [workingDayAhead(60), workingDayAhead(90)];
    await api.gql(ADD, { day: second, description: 'Christmas shutdown' }, { token: admin(wales) });
    await api.gql(ADD, { day: first, description: 'Office move' }, { token: admin(wales) });
    await api.gql(ADD, { day: first, description: 'Glen staff day' }, { token: admin(scotland) });

    const all = await api.gql(CLOSURE_DAYS, {}, { token: officer(wales) });
    expect(all.data!.closureDays).toEqual([
      { day: first, description: 'Office move', createdBy: 'Siân Lloyd' },
      { day: second, description: 'Christmas shutdown', createdBy: 'Siân Lloyd' },
    ]);
    const windowed = await api.gql(CLOSURE_DAYS, { from: addDays(first, 1), to: second }, { token: officer(wales) });
    expect(windowed.data!.closureDays.map((closure: { day: string }) => closure.day)).toEqual([second]);
    const theirs = await api.gql(CLOSURE_DAYS, {}, { token: officer(scotland) });
    expect(theirs.data!.closureDays).toEqual([{ day: first, description: 'Glen staff day', createdBy: 'Siân Lloyd' }]);

    const across = await api.gql(REMOVE, { day: second }, { token: admin(scotland) });
    expect(across.data!.removeClosureDay.__typename).toBe('ClosureDayNotFound');
    expect((await closureRows(wales)).map((row) => row.day)).toEqual([first, second]);

    const bad = await api.gql(CLOSURE_DAYS, { from: 'last week' }, { token: officer(wales) });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].message).toBe('from must be a date written YYYY-MM-DD');
  });
});
