import { createTestDatabase, insertMember, serveModulesForTest, TestTokens, type TestApi, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import {
  arrangeTenant,
  dataOf,
  DEFAULT_LETTER_TEMPLATES,
  GQL,
  letter,
  MILLBROOK_REPAIRS,
  setLetterTemplate,
  settingsOf,
  SHARED_CONFIGURATION_MODULES,
} from './testing/shared-configurations-context';

const tokens = new TestTokens();
let db: TestDatabase;
let api: TestApi;
let millbrook: TestMember;
let aber: TestMember;

const admin = (member = 'millbrook') => tokens.user(member, ['tenant-admin'], { name: member === 'millbrook' ? 'Sam Patel' : 'Ffion Evans' });
const officer = (member = 'millbrook') => tokens.user(member, ['housing-officer']);

beforeAll(async () => {
  db = await createTestDatabase(tokens.env);
  const everything = { assets: {}, tenancies: {}, rent: {}, 'shared-configurations': {} };
  millbrook = await insertMember(db.admin, 'millbrook', { ...everything, repairs: MILLBROOK_REPAIRS });
  aber = await insertMember(db.admin, 'aber', { ...everything, repairs: {} }, { country: 'wales', languages: ['cy', 'en'] });
  // The library is on, the modules whose configuration it shares are not.
  await insertMember(db.admin, 'dee', { 'shared-configurations': {} });
  await insertMember(db.admin, 'ogwen', { assets: {}, repairs: {} });
  await arrangeTenant(db.admin, millbrook.id, { title: 'Mrs', given: 'Jane', family: 'Smith', line1: '14 Mill Lane', postcode: 'M1 1AE', reference: 'MB-000123' });
  await setLetterTemplate(db.admin, millbrook.id, 'reminder', DEFAULT_LETTER_TEMPLATES['reminder'] as ReturnType<typeof letter>);
  await db.admin.query(
    `insert into hearth.sor_code (tenant_id, code, description, trade, default_priority, cost_pence, standard_minutes, active) values
       ($1, '603011', 'Renew tap washer', 'plumbing', 'routine', 1250, 30, true),
       ($1, '620005', 'Renew bathroom extractor fan', 'electrical', 'urgent', 8900, 60, true),
       ($1, '701010', 'Treat mould and redecorate one room', 'damp_and_mould', 'damp', 24000, 240, true),
       ($1, '999999', 'Withdrawn from our schedule', 'general', 'routine', 100, 5, false)`,
    [millbrook.id],
  );
  api = await serveModulesForTest(db.config, SHARED_CONFIGURATION_MODULES);
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

const gql = async (query: string, variables: Record<string, unknown>, token: string) => dataOf(await api.gql(query, variables, { token }));
const publish = async (input: Record<string, unknown>, token = admin()) => (await gql(GQL.PUBLISH, { input }, token)).publishSharedConfiguration;
const preview = async (variables: Record<string, unknown>, token = admin('aber')) => (await gql(GQL.PREVIEW, variables, token)).sharedConfigurationPreview;
const adopt = async (input: Record<string, unknown>, token = admin('aber')) => (await gql(GQL.ADOPT, { input }, token)).adoptSharedConfiguration;
const sharedRows = async () => (await db.admin.query(`select count(*)::int as n from hearth.shared_configuration`)).rows[0].n as number;

/** Everything copying writes for a member, to show a refused copy wrote nothing. */
async function copierState(member: TestMember) {
  const { rows } = await db.admin.query(
    `select (select json_agg(m.settings order by m.module_key) from hearth.tenant_module m where m.tenant_id = $1) as settings,
            (select json_agg(s order by s.code) from hearth.sor_code s where s.tenant_id = $1) as sor,
            (select count(*)::int from hearth.configuration_adoption a where a.tenant_id = $1) as adoptions,
            (select count(*)::int from hearth.audit_log l where l.tenant_id = $1) as audit,
            (select count(*)::int from hearth.outbox_event e where e.tenant_id = $1) as events`,
    [member.id],
  );
  return rows[0];
}

describe('the kinds', () => {
  it('lists every kind, with whether the member has its module on and what it can publish one at a time', async () => {
    const { configurationKinds } = await gql(GQL.KINDS, {}, admin());
    expect(configurationKinds.map((k: any) => [k.key, k.module, k.available])).toEqual([
      ['repair-priorities', 'repairs', true],
      ['sor-set', 'repairs', true],
      ['letter-template', 'rent', true],
      ['arrears-stage-plan', 'rent', true],
    ]);
    expect(configurationKinds[2]).toMatchObject({ subjectName: 'letter template', subjects: ['contact', 'reminder'], moduleName: 'Rent and income' });
    // The content schema is cut from the owning module's settings schema.
    expect(configurationKinds[0].contentSchema.properties.priorities.items.required).toEqual(['code', 'name', 'target', 'emergency', 'hactPriority']);
    const off = (await gql(GQL.KINDS, {}, admin('dee'))).configurationKinds;
    expect(off.map((k: any) => [k.key, k.available, k.subjects])).toEqual([
      ['repair-priorities', false, []], ['sor-set', false, []], ['letter-template', false, []], ['arrears-stage-plan', false, []],
    ]);
  });
});

describe('publishing', () => {
  let priorities: Record<string, any>;

  it("drafts the content from the member's own settings", async () => {
    const { sharedConfigurationDraft } = await gql(GQL.DRAFT, { kind: 'repair-priorities' }, admin());
    expect(sharedConfigurationDraft).toEqual({ __typename: 'SharedConfigurationDraft', subject: null, kind: { key: 'repair-priorities' }, content: MILLBROOK_REPAIRS });
  });

  it('publishes a version every member can read, audited and announced', async () => {
    priorities = await publish({ kind: 'repair-priorities', title: 'Repairs priorities with a damp and mould priority', description: 'Four-hour emergencies and a ten-day damp priority.', version: '1.0' });
    expect(priorities).toMatchObject({
      __typename: 'SharedConfiguration', version: '1.0', latest: true, mine: true, subject: null, publishedBy: 'Sam Patel',
      kind: { key: 'repair-priorities' }, publisher: { slug: 'millbrook' }, content: MILLBROOK_REPAIRS, withdrawnAt: null,
    });
    expect(priorities.lineageId).toBe(priorities.id);
    const { rows: audit } = await db.admin.query(`select operation, target_id from hearth.audit_log where tenant_id = $1 and operation = 'publishSharedConfiguration'`, [millbrook.id]);
    expect(audit).toEqual([{ operation: 'publishSharedConfiguration', target_id: priorities.id }]);
    const { rows: events } = await db.admin.query(`select type, payload from hearth.outbox_event where tenant_id = $1 and aggregate_id = $2`, [millbrook.id, priorities.id]);
    expect(events).toEqual([{ type: 'shared-configurations.configuration.published', payload: expect.objectContaining({ kind: 'repair-priorities', version: '1.0' }) }]);

    const seen = (await gql(GQL.ONE, { id: priorities.id }, officer('aber'))).sharedConfiguration;
    expect(seen).toMatchObject({ id: priorities.id, mine: false, publisher: { slug: 'millbrook' }, myAdoption: null });
  });

  it('publishes a new version of the same piece, keeping the old one readable, and refuses a version that is not higher', async () => {
    const next = await publish({ kind: 'repair-priorities', title: 'Repairs priorities with a damp and mould priority', description: 'Now with a 12-hour warning.', version: '1.1', newVersionOf: priorities.id });
    expect(next).toMatchObject({ __typename: 'SharedConfiguration', version: '1.1', lineageId: priorities.id, latest: true });
    const old = (await gql(GQL.ONE, { id: priorities.id }, officer('aber'))).sharedConfiguration;
    expect(old).toMatchObject({ version: '1.0', latest: false });
    expect(old.versions.map((v: any) => [v.version, v.latest])).toEqual([['1.1', true], ['1.0', false]]);

    for (const version of ['1.1', '1.0.9', '1.1.0']) {
      expect(await publish({ kind: 'repair-priorities', title: 'Again', description: 'Again', version, newVersionOf: next.id })).toEqual({
        __typename: 'SharedConfigurationVersionConflict', code: 'SHARED_CONFIGURATION_VERSION_CONFLICT', latestVersion: '1.1',
        message: `Version ${version} is not higher than 1.1, the latest so far`,
      });
    }
    const theirs = await publish({ kind: 'repair-priorities', title: 'Ours now', description: 'Taken over', version: '2.0', newVersionOf: priorities.id }, admin('aber'));
    expect(theirs).toMatchObject({ __typename: 'SharedConfigurationNotPublisher', code: 'SHARED_CONFIGURATION_NOT_PUBLISHER' });
    const otherKind = await publish({ kind: 'sor-set', title: 'SOR', description: 'SOR', version: '2.0', newVersionOf: priorities.id });
    expect(otherKind).toMatchObject({ __typename: 'SharedConfigurationInvalid', problems: [{ field: 'kind', message: 'A new version of "Repairs priorities with a damp and mould priority" must be a Repairs priorities and targets too' }] });
  });

  it('lists the library a piece to a row at its newest version, filtered and paged', async () => {
    const sor = await publish({ kind: 'sor-set', title: 'Millbrook schedule of rates', description: 'Our three most used codes.', version: '1.0' });
    expect(sor).toMatchObject({ __typename: 'SharedConfiguration', content: { codes: [expect.objectContaining({ code: '603011', costPence: 1250 }), expect.anything(), expect.anything()] } });
    expect(sor.content.codes.map((c: any) => c.code)).toEqual(['603011', '620005', '701010']);

    const library = async (variables: Record<string, unknown>) => (await gql(GQL.LIBRARY, variables, officer('aber'))).sharedConfigurations;
    const all = await library({});
    expect(all.edges.map((e: any) => [e.node.title, e.node.version])).toEqual([
      ['Millbrook schedule of rates', '1.0'],
      ['Repairs priorities with a damp and mould priority', '1.1'],
    ]);
    expect(all.edges[1].node.versions.map((v: any) => v.version)).toEqual(['1.1', '1.0']);
    expect((await library({ filter: { kind: 'repair-priorities' } })).edges.map((e: any) => e.node.kind.key)).toEqual(['repair-priorities']);
    expect((await library({ filter: { search: 'SCHEDULE rates' } })).totalCount).toBe(1);
    expect((await library({ filter: { publisherId: aber.id } })).totalCount).toBe(0);
    const first = await library({ first: 1 });
    expect(first).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    const second = await library({ first: 1, after: first.pageInfo.endCursor });
    expect(second.edges.map((e: any) => e.node.version)).toEqual(['1.1']);
  });

  it('refuses a kind whose module the member has switched off, and changes nothing', async () => {
    const before = await sharedRows();
    expect(await publish({ kind: 'repair-priorities', title: 'Ours', description: 'Ours', version: '1.0' }, admin('dee'))).toEqual({
      __typename: 'SharedConfigurationModuleOff', code: 'SHARED_CONFIGURATION_MODULE_OFF', module: 'repairs',
      message: 'Publishing a repairs priorities and targets needs the Repairs module, which is switched off for your organisation. A consortium admin can switch it on.',
    });
    expect((await gql(GQL.DRAFT, { kind: 'letter-template', subject: 'reminder' }, admin('dee'))).sharedConfigurationDraft).toMatchObject({ __typename: 'SharedConfigurationModuleOff', module: 'rent' });
    expect(await sharedRows()).toBe(before);
  });

  it('refuses an unknown kind or letter, and bad input, changing nothing', async () => {
    const before = await sharedRows();
    expect(await publish({ kind: 'tenancy-list', title: 'x', description: 'x', version: '1.0' })).toMatchObject({ __typename: 'SharedConfigurationInvalid', problems: [{ field: 'kind' }] });
    expect(await publish({ kind: 'letter-template', subject: 'nope', title: 'x', description: 'x', version: '1.0' })).toMatchObject({
      __typename: 'SharedConfigurationInvalid', problems: [{ field: 'subject', message: 'You have no letter template "nope"' }],
    });
    const bad = await api.gql(GQL.PUBLISH, { input: { kind: 'sor-set', title: '  ', description: 'x', version: 'v1' } }, { token: admin() });
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(bad.errors?.[0].message).toMatch(/title must not be empty/);
    expect(bad.errors?.[0].message).toMatch(/version must be like 1.0 or 1.2.3/);
    expect(await sharedRows()).toBe(before);
  });

  it('lets staff browse but only tenant admins publish, and refuses members without the module', async () => {
    const res = await api.gql(GQL.PUBLISH, { input: { kind: 'sor-set', title: 'x', description: 'x', version: '9.0' } }, { token: officer() });
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const off = await api.gql(GQL.LIBRARY, {}, { token: officer('ogwen') });
    expect(off.errors?.[0].extensions?.code).toBe('MODULE_DISABLED');
  });
});

describe('publishing refuses private data', () => {
  const body = (text: string) => ({ kind: 'letter-template', subject: 'probe', title: 'Friendly reminder', description: 'A gentle first letter.', version: '1.0', text });

  it.each([
    ["a tenant's name", 'Dear Jane Smith, your rent is late.', '/en/body', 'PERSON_NAME', 'Jane Smith'],
    ['a tenant by title and family name', 'Dear Mrs Smith, your rent is late.', '/en/body', 'PERSON_NAME', 'Mrs Smith'],
    ["a tenant's name however it is cased and punctuated", 'Regarding JANE-SMITH: your rent is late.', '/en/body', 'PERSON_NAME', 'Jane Smith'],
    ["a rent account's payment reference", 'Your account MB-000123 is in arrears.', '/en/body', 'PAYMENT_REFERENCE', 'MB-000123'],
    ['the address of an occupied home', 'We will visit 14 Mill Lane next week.', '/en/body', 'ADDRESS', '14 Mill Lane'],
    ["an occupied home's postcode written small", 'Homes around m1 1ae are affected.', '/en/body', 'ADDRESS', 'M1 1AE'],
    ['an email address', 'Email jane.smith@example.com with questions.', '/en/body', 'EMAIL', 'jane.smith@example.com'],
    ['a phone number', 'Call Jane on 07700 900123.', '/en/body', 'PHONE', '07700 900123'],
    ['a National Insurance number', 'Your NI number AB 12 34 56 C is on file.', '/en/body', 'NI_NUMBER', 'AB 12 34 56 C'],
    ['a postcode', 'Bring it to our office, M2 3AB.', '/en/body', 'POSTCODE', 'M2 3AB'],
    ["a record's identifier", 'Case 3f2b8c1e-1d2a-4c5b-9e8f-0a1b2c3d4e5f.', '/en/body', 'RECORD_ID', '3f2b8c1e-1d2a-4c5b-9e8f-0a1b2c3d4e5f'],
  ])('refuses a letter template holding %s, naming the field', async (_what, text, path, dataKind, found) => {
    await setLetterTemplate(db.admin, millbrook.id, 'probe', letter(text));
    const before = await sharedRows();
    const { text: _text, ...input } = body(text);
    const refused = await publish(input);
    expect(refused).toMatchObject({ __typename: 'SharedConfigurationRefused', code: 'SHARED_CONFIGURATION_REFUSED', path, dataKind, found });
    expect(refused.message).toContain(`the configuration at ${path} contains`);
    // The publish form's preview says the same before anything is typed.
    expect((await gql(GQL.DRAFT, { kind: 'letter-template', subject: 'probe' }, admin())).sharedConfigurationDraft).toMatchObject({ __typename: 'SharedConfigurationRefused', path, dataKind });
    expect(await sharedRows()).toBe(before);
  });

  it('refuses private data in the title and description too', async () => {
    await setLetterTemplate(db.admin, millbrook.id, 'probe', letter('Dear {{name}}, your account {{paymentReference}} is in arrears.'));
    const input = { kind: 'letter-template', subject: 'probe', version: '1.0' };
    expect(await publish({ ...input, title: 'The letter we sent Jane Smith', description: 'x' })).toMatchObject({ __typename: 'SharedConfigurationRefused', path: 'title', dataKind: 'PERSON_NAME' });
    expect(await publish({ ...input, title: 'Reminder', description: 'Questions to 0161 496 0000' })).toMatchObject({ __typename: 'SharedConfigurationRefused', path: 'description', dataKind: 'PHONE' });
    // With placeholders in place of the tenant it publishes.
    expect(await publish({ ...input, title: 'Reminder', description: 'Our first letter.' })).toMatchObject({ __typename: 'SharedConfiguration', subject: 'probe' });
  });

  it('refuses a SOR set whose description holds private data', async () => {
    await db.admin.query(`insert into hearth.sor_code (tenant_id, code, description, trade, default_priority, cost_pence, standard_minutes) values ($1, 'X1', 'Ask Jane Smith for the key', 'general', 'routine', 0, 0)`, [millbrook.id]);
    try {
      expect(await publish({ kind: 'sor-set', title: 'All our codes', description: 'x', version: '1.0' })).toMatchObject({
        __typename: 'SharedConfigurationRefused', path: '/codes/3/description', dataKind: 'PERSON_NAME', found: 'Jane Smith',
      });
    } finally {
      await db.admin.query(`delete from hearth.sor_code where tenant_id = $1 and code = 'X1'`, [millbrook.id]);
    }
  });
});

describe('copying', () => {
  let priorities: string;
  let sor: string;

  beforeAll(async () => {
    const { sharedConfigurations } = await gql(GQL.LIBRARY, { filter: { kind: 'repair-priorities' } }, officer('aber'));
    priorities = sharedConfigurations.edges[0].node.id;
    sor = (await gql(GQL.LIBRARY, { filter: { kind: 'sor-set' } }, officer('aber'))).sharedConfigurations.edges[0].node.id;
  });

  it("previews what copying would change in the copier's settings, item by item, changing nothing", async () => {
    const before = await copierState(aber);
    const result = await preview({ id: priorities }, officer('aber'));
    expect(result).toMatchObject({ __typename: 'SharedConfigurationPreview', target: null, adapted: false, problems: [], source: { id: priorities, version: '1.1' } });
    expect(result.changes).toEqual([
      { item: 'priority:emergency', change: 'CHANGED', fields: ['target'] },
      { item: 'priority:urgent', change: 'CHANGED', fields: ['target'] },
      { item: 'priority:damp', change: 'ADDED', fields: ['position', 'name', 'target', 'emergency', 'hactPriority'] },
      { item: 'approachingWithinHours', change: 'CHANGED', fields: ['hours'] },
      { item: 'priority:planned', change: 'REMOVED', fields: ['position', 'name', 'target', 'emergency', 'hactPriority'] },
    ]);
    expect(result.warnings).toEqual([{ code: 'PRIORITY_REMOVED', items: ['planned'], message: expect.stringContaining('"planned" would go') }]);
    expect(result.before.priorities.map((p: any) => p.code)).toEqual(['emergency', 'urgent', 'routine', 'planned']);
    expect(await copierState(aber)).toEqual(before);
  });

  it("previews an adaptation, with the owning module's own refusals", async () => {
    const adapted = structuredClone(MILLBROOK_REPAIRS);
    adapted.priorities[3].code = 'urgent';
    const result = await preview({ id: priorities, content: adapted }, officer('aber'));
    expect(result).toMatchObject({ adapted: true, problems: [{ field: '/priorities/3/code', message: '"urgent" is already the code of priority 2' }] });
    const malformed = await preview({ id: priorities, content: { priorities: 'all of them' } }, officer('aber'));
    expect(malformed).toMatchObject({ __typename: 'SharedConfigurationInvalid' });
    expect(malformed.problems.map((p: any) => p.field)).toEqual(['/', '/priorities']);
  });

  it("refuses an adaptation the owning module refuses, leaving the copier's settings, records and audit as they were", async () => {
    const before = await copierState(aber);
    const adapted = structuredClone(MILLBROOK_REPAIRS);
    adapted.priorities[3].code = 'urgent';
    expect(await adopt({ sharedConfigurationId: priorities, content: adapted })).toMatchObject({
      __typename: 'SharedConfigurationInvalid', problems: [{ field: '/priorities/3/code', message: '"urgent" is already the code of priority 2' }],
    });
    expect(await adopt({ sharedConfigurationId: priorities, content: { ...MILLBROOK_REPAIRS, approachingWithinHours: 0 } })).toMatchObject({
      __typename: 'SharedConfigurationInvalid', problems: [{ field: '/approachingWithinHours' }],
    });
    expect(await copierState(aber)).toEqual(before);
  });

  it('refuses a SOR set naming a priority the copier does not have, through the repairs import\'s own check', async () => {
    const before = await copierState(aber);
    const result = await adopt({ sharedConfigurationId: sor });
    expect(result).toMatchObject({ __typename: 'SharedConfigurationInvalid', problems: [{ field: '/codes/2/defaultPriority', message: expect.stringContaining('"damp" is not one of this member\'s priorities') }] });
    expect(await copierState(aber)).toEqual(before);
  });

  it('copies, adapted in the dialog, records where it came from, and says when the copy has been changed since', async () => {
    const adapted = structuredClone(MILLBROOK_REPAIRS);
    adapted.priorities[3].name = 'Lleithder a llwydni';
    const adoption = await adopt({ sharedConfigurationId: priorities, content: adapted });
    expect(adoption).toMatchObject({
      __typename: 'ConfigurationAdoption', target: null, adaptedOnCopy: true, adaptedSince: false, adoptedBy: 'Ffion Evans',
      kind: { key: 'repair-priorities' }, source: { id: priorities, version: '1.1', publisher: { slug: 'millbrook' } },
    });
    expect(await settingsOf(db.admin, aber.id, 'repairs')).toEqual(adapted);
    const { rows: audit } = await db.admin.query(`select operation from hearth.audit_log where tenant_id = $1 order by id`, [aber.id]);
    expect(audit.map((r) => r.operation)).toEqual(['adoptSharedConfiguration.settings', 'adoptSharedConfiguration']);
    const { rows: events } = await db.admin.query(`select type from hearth.outbox_event where tenant_id = $1`, [aber.id]);
    expect(events).toEqual([{ type: 'shared-configurations.configuration.adopted' }]);

    expect((await preview({ id: priorities, content: adapted })).changes).toEqual([]);
    const seen = (await gql(GQL.ONE, { id: priorities }, officer('aber'))).sharedConfiguration;
    expect(seen.myAdoption).toMatchObject({ id: adoption.id, adaptedOnCopy: true, adaptedSince: false, source: { version: '1.1' } });

    await db.admin.query(`update hearth.tenant_module set settings = jsonb_set(settings, '{approachingWithinHours}', '6') where tenant_id = $1 and module_key = 'repairs'`, [aber.id]);
    const { configurationAdoptions } = await gql(GQL.ADOPTIONS, {}, officer('aber'));
    expect(configurationAdoptions.edges.map((e: any) => e.node)).toEqual([
      { id: adoption.id, target: null, adaptedOnCopy: true, adaptedSince: true, kind: { key: 'repair-priorities' }, source: { version: '1.1', title: 'Repairs priorities with a damp and mould priority', publisher: { slug: 'millbrook' } } },
    ]);
    // Each member's copies are its own.
    expect((await gql(GQL.ADOPTIONS, {}, officer())).configurationAdoptions.totalCount).toBe(0);
  });

  it("copies a SOR set through the repairs import: adding the copier's missing codes, updating its own, leaving its others alone", async () => {
    await db.admin.query(
      `insert into hearth.sor_code (tenant_id, code, description, trade, default_priority, cost_pence, standard_minutes) values
         ($1, '603011', 'Newid wasier tap', 'plumbing', 'urgent', 1000, 20), ($1, '100001', 'Our own code', 'general', 'routine', 500, 10)`,
      [aber.id],
    );
    const result = await preview({ id: sor });
    expect(result.changes).toEqual([
      { item: '603011', change: 'CHANGED', fields: ['description', 'defaultPriority', 'costPence', 'standardMinutes'] },
      { item: '620005', change: 'ADDED', fields: ['description', 'trade', 'defaultPriority', 'costPence', 'standardMinutes'] },
      { item: '701010', change: 'ADDED', fields: ['description', 'trade', 'defaultPriority', 'costPence', 'standardMinutes'] },
    ]);
    expect(result.problems).toEqual([]);
    expect(await adopt({ sharedConfigurationId: sor })).toMatchObject({ __typename: 'ConfigurationAdoption', adaptedOnCopy: false, adaptedSince: false });
    const { rows } = await db.admin.query(`select code, description, default_priority, cost_pence::int from hearth.sor_code where tenant_id = $1 order by code`, [aber.id]);
    expect(rows).toEqual([
      { code: '100001', description: 'Our own code', default_priority: 'routine', cost_pence: 500 },
      { code: '603011', description: 'Renew tap washer', default_priority: 'routine', cost_pence: 1250 },
      { code: '620005', description: 'Renew bathroom extractor fan', default_priority: 'urgent', cost_pence: 8900 },
      { code: '701010', description: 'Treat mould and redecorate one room', default_priority: 'damp', cost_pence: 24000 },
    ]);
  });

  it('copies a letter template under a code of the copier\'s choosing, refusing one the settings cannot hold', async () => {
    const reminder = await publish({ kind: 'letter-template', subject: 'reminder', title: 'Friendly first reminder', description: 'Bilingual.', version: '1.0' });
    expect(await adopt({ sharedConfigurationId: reminder.id, target: 'Not A Code' })).toMatchObject({ __typename: 'SharedConfigurationInvalid', problems: [{ field: '/code' }] });
    const result = await preview({ id: reminder.id, target: 'first_reminder' });
    expect(result).toMatchObject({ target: 'first_reminder', before: null, changes: [{ item: 'en', change: 'ADDED' }, { item: 'cy', change: 'ADDED' }] });
    expect(await adopt({ sharedConfigurationId: reminder.id, target: 'first_reminder' })).toMatchObject({ __typename: 'ConfigurationAdoption', target: 'first_reminder' });
    expect((await settingsOf(db.admin, aber.id, 'rent')).letterTemplates.first_reminder).toEqual(DEFAULT_LETTER_TEMPLATES['reminder']);
  });

  it('copies an arrears stage plan with the letters it sends', async () => {
    await db.admin.query(
      `update hearth.tenant_module set settings = $2 where tenant_id = $1 and module_key = 'rent'`,
      [millbrook.id, JSON.stringify({
        letterTemplates: { ...DEFAULT_LETTER_TEMPLATES, nudge: letter('Dear {{name}}, a gentle nudge about {{balance}}.') },
        recoveryStages: [
          { code: 'nudge', name: 'Gentle nudge', weeksOfRent: 0.5, minimumPence: 1000, actions: [{ kind: 'letter', template: 'nudge' }] },
          { code: 'contact', name: 'Officer contact', weeksOfRent: 3, minimumPence: 15000, actions: [{ kind: 'letter', template: 'contact' }, { kind: 'task', description: 'Call to agree an arrangement', dueInWorkingDays: 3 }] },
        ],
      })],
    );
    const plan = await publish({ kind: 'arrears-stage-plan', title: 'Early contact plan', description: 'Two stages, starting at half a week.', version: '1.0' });
    expect(Object.keys(plan.content.letterTemplates).sort()).toEqual(['contact', 'nudge']);
    const result = await preview({ id: plan.id });
    expect(result.changes.map((c: any) => [c.item, c.change])).toEqual([
      ['stage:nudge', 'ADDED'], ['stage:contact', 'CHANGED'], ['letter:nudge', 'ADDED'], ['stage:reminder', 'REMOVED'], ['stage:notice', 'REMOVED'],
    ]);
    expect(result.warnings).toMatchObject([{ code: 'STAGE_REMOVED', items: ['reminder', 'notice'] }]);
    expect(await adopt({ sharedConfigurationId: plan.id })).toMatchObject({ __typename: 'ConfigurationAdoption' });
    const rent = await settingsOf(db.admin, aber.id, 'rent');
    expect(rent.recoveryStages.map((s: any) => s.code)).toEqual(['nudge', 'contact']);
    expect(Object.keys(rent.letterTemplates).sort()).toEqual(['contact', 'first_reminder', 'nudge', 'reminder']);
  });

  it("refuses to copy into a member without the owning module, or what was withdrawn, and lets only the publisher withdraw", async () => {
    expect(await adopt({ sharedConfigurationId: priorities }, admin('dee'))).toMatchObject({ __typename: 'SharedConfigurationModuleOff', module: 'repairs' });
    expect(await preview({ id: priorities }, officer('dee'))).toMatchObject({ __typename: 'SharedConfigurationModuleOff' });

    const withdraw = async (id: string, token: string) => (await gql(GQL.WITHDRAW, { id }, token)).withdrawSharedConfiguration;
    expect(await withdraw(priorities, admin('aber'))).toMatchObject({ __typename: 'SharedConfigurationNotPublisher' });
    expect(await withdraw(priorities, admin())).toMatchObject({ __typename: 'SharedConfiguration', id: priorities, withdrawnAt: expect.any(String) });
    expect(await withdraw(priorities, admin())).toMatchObject({ __typename: 'SharedConfigurationWithdrawn', code: 'SHARED_CONFIGURATION_WITHDRAWN' });
    expect(await adopt({ sharedConfigurationId: priorities })).toMatchObject({ __typename: 'SharedConfigurationWithdrawn' });
    expect(await withdraw('00000000-0000-4000-8000-000000000000', admin())).toMatchObject({ __typename: 'SharedConfigurationNotFound' });

    // The library shows the piece at its newest version still up (1.0), or not at all once every version is down.
    const library = async (filter = {}) => (await gql(GQL.LIBRARY, { filter: { kind: 'repair-priorities', ...filter } }, officer('aber'))).sharedConfigurations;
    expect((await library()).edges.map((e: any) => e.node.version)).toEqual(['1.0']);
    const { versions } = (await gql(GQL.ONE, { id: priorities }, officer('aber'))).sharedConfiguration;
    await withdraw(versions.find((v: any) => v.version === '1.0').id, admin());
    expect((await library()).totalCount).toBe(0);
    expect((await library({ includeWithdrawn: true })).edges.map((e: any) => [e.node.version, Boolean(e.node.withdrawnAt)])).toEqual([['1.1', true]]);
    // Aber's copy still says where it came from.
    expect((await gql(GQL.ADOPTIONS, {}, officer('aber'))).configurationAdoptions.edges.at(-1).node.source).toMatchObject({ version: '1.1', publisher: { slug: 'millbrook' } });
  });
});
