import { checkSchema, deprecationsOf, isCalendarDate, parseDeclarations, reportLines, subjectOf } from './schema-discipline';
import { buildSchema } from 'graphql';

const BASE = `
type Query {
  workOrder(id: ID!): WorkOrder
  workOrders(first: Int): [WorkOrder!]!
}
type WorkOrder { id: ID! number: Int! contractor: String status: Status! }
enum Status { RAISED ASSIGNED COMPLETED }
input PostInput { id: ID! comments: String }
type Mutation { post(input: PostInput!): Boolean }
`;

const HEADER = `# Breaking changes to the GraphQL schema

The format is explained here, and an example:

\`\`\`
## 2026-01-01: An example that is not a change
- \`Example.field\` (2026-01-01): not read, it is in a code block
\`\`\`
`;

/** main's copy of the changes file: one earlier change, already released. */
const BASE_DOC = `${HEADER}
## 2025-11-02: Work orders lose their legacy code
- \`WorkOrder.legacyCode\` (2025-11-02): Removed; use number.
`;

const without = (sdl: string, text: string) => {
  expect(sdl).toContain(text);
  return sdl.replace(text, '');
};

describe('checkSchema', () => {
  it('passes an unchanged schema with nothing to say', () => {
    const result = checkSchema({ baseSdl: BASE, currentSdl: BASE, changesDoc: BASE_DOC, baseChangesDoc: BASE_DOC });
    expect(result).toMatchObject({ ok: true, breaking: [], dangerous: [], undatedDeprecations: [], declarationProblems: [] });
    expect(reportLines(result)).toEqual([]);
  });

  it('fails a removed field that is not declared, naming it and the entry to write', () => {
    const result = checkSchema({ baseSdl: BASE, currentSdl: without(BASE, 'contractor: String '), changesDoc: BASE_DOC, baseChangesDoc: BASE_DOC });
    expect(result.ok).toBe(false);
    expect(result.breaking).toEqual([
      { type: 'FIELD_REMOVED', description: 'WorkOrder.contractor was removed.', subject: 'WorkOrder.contractor', declaredBy: null },
    ]);
    const report = reportLines(result).join('\n');
    expect(report).toContain('✖ breaking, not declared: WorkOrder.contractor was removed.');
    expect(report).toContain('- `WorkOrder.contractor` (YYYY-MM-DD):');
  });

  it('passes the removed field once this change declares it in a section of its own', () => {
    const doc = `${BASE_DOC}
## 2026-07-01: Contractors move to assignments
Work orders name their contractor through the assignment now.

- \`WorkOrder.contractor\` (2026-07-01): Removed (deprecated since 2026-01-05). Read \`assignment { contractor { name } }\`.
`;
    const result = checkSchema({ baseSdl: BASE, currentSdl: without(BASE, 'contractor: String '), changesDoc: doc, baseChangesDoc: BASE_DOC });
    expect(result.ok).toBe(true);
    expect(result.currentSections).toEqual(['2026-07-01: Contractors move to assignments']);
    expect(result.breaking[0].declaredBy).toMatchObject({ subject: 'WorkOrder.contractor', date: '2026-07-01', line: 16 });
    expect(reportLines(result)[0]).toMatch(/^✔ breaking, declared: WorkOrder\.contractor was removed\./);
  });

  it("does not count main's sections, or examples in code blocks, as this change's declarations", () => {
    // The same subject declared by an earlier change (already on main) does not declare it again.
    const base = BASE.replace('number: Int!', 'number: Int! legacyCode: String');
    const oldDoc = `${BASE_DOC.replace('WorkOrder.legacyCode', 'WorkOrder.contractor')}`;
    const removed = checkSchema({ baseSdl: base, currentSdl: without(base, 'contractor: String '), changesDoc: oldDoc, baseChangesDoc: oldDoc });
    expect(removed.ok).toBe(false);
    const example = checkSchema({
      baseSdl: `type Query { a: Int example: Example } type Example { field: Int other: Int }`,
      currentSdl: `type Query { a: Int example: Example } type Example { other: Int }`,
      changesDoc: HEADER,
      baseChangesDoc: '',
    });
    expect(example.ok).toBe(false);
  });

  it('passes an added optional argument, warning that it is dangerous', () => {
    const result = checkSchema({
      baseSdl: BASE,
      currentSdl: BASE.replace('workOrders(first: Int)', 'workOrders(first: Int, after: String)'),
      changesDoc: BASE_DOC,
      baseChangesDoc: BASE_DOC,
    });
    expect(result.ok).toBe(true);
    expect(result.breaking).toEqual([]);
    expect(result.dangerous).toEqual([
      { type: 'OPTIONAL_ARG_ADDED', description: 'An optional arg after on Query.workOrders was added.', subject: 'Query.workOrders(after:)' },
    ]);
    expect(reportLines(result)).toEqual(['⚠ dangerous (a partner may need to know): An optional arg after on Query.workOrders was added.']);
  });

  it('passes added types and fields silently', () => {
    const added = BASE.replace('status: Status!', 'status: Status! targetAt: String') + '\ntype Contractor { id: ID! }\nextend type Query { contractor(id: ID!): Contractor }\n';
    const result = checkSchema({ baseSdl: BASE, currentSdl: added, changesDoc: '', baseChangesDoc: '' });
    expect(result).toMatchObject({ ok: true, breaking: [], dangerous: [] });
  });

  it('warns of a value added to an enum, and fails one removed until declared', () => {
    const added = checkSchema({ baseSdl: BASE, currentSdl: BASE.replace('ASSIGNED', 'ASSIGNED SCHEDULED'), changesDoc: '' });
    expect(added.ok).toBe(true);
    expect(added.dangerous.map((c) => c.subject)).toEqual(['Status.SCHEDULED']);
    const removed = checkSchema({ baseSdl: BASE, currentSdl: BASE.replace('ASSIGNED ', ''), changesDoc: '' });
    expect(removed.ok).toBe(false);
    expect(removed.breaking.map((c) => c.subject)).toEqual(['Status.ASSIGNED']);
    const declared = checkSchema({
      baseSdl: BASE,
      currentSdl: BASE.replace('ASSIGNED ', ''),
      changesDoc: '## 2026-08-01: No assigned status\n- `Status.ASSIGNED` (2026-08-01): Work orders go from RAISED to COMPLETED; treat ASSIGNED as RAISED.\n',
    });
    expect(declared.ok).toBe(true);
  });

  it('names arguments, required input fields and type changes by their schema coordinates', () => {
    const changed = BASE
      .replace('workOrder(id: ID!)', 'workOrder(id: ID!, member: String!)')
      .replace('workOrders(first: Int)', 'workOrders')
      .replace('number: Int!', 'number: String!')
      .replace('comments: String', 'comments: String reason: String! count: Int');
    const result = checkSchema({ baseSdl: BASE, currentSdl: changed, changesDoc: '' });
    expect(result.breaking.map((c) => [c.type, c.subject]).sort()).toEqual([
      ['ARG_REMOVED', 'Query.workOrders(first:)'],
      ['FIELD_CHANGED_KIND', 'WorkOrder.number'],
      ['REQUIRED_ARG_ADDED', 'Query.workOrder(member:)'],
      ['REQUIRED_INPUT_FIELD_ADDED', 'PostInput.reason'],
    ]);
    expect(subjectOf({ type: 'TYPE_REMOVED', description: 'WorkOrder was removed.' })).toBe('WorkOrder');
    expect(subjectOf({ type: 'SOMETHING_NEW', description: 'Something graphql-js says one day.' })).toBe('Something graphql-js says one day.');
  });

  it('fails a deprecation without a removal date, and passes one with a date', () => {
    const undated = BASE.replace('contractor: String', 'contractor: String @deprecated(reason: "Use assignment.")');
    const result = checkSchema({ baseSdl: BASE, currentSdl: undated, changesDoc: '' });
    expect(result.ok).toBe(false);
    expect(result.undatedDeprecations).toEqual([{ subject: 'WorkOrder.contractor', reason: 'Use assignment.', date: null }]);
    expect(reportLines(result).join('\n')).toContain('✖ deprecation without a removal date: WorkOrder.contractor');

    const bare = checkSchema({ baseSdl: BASE, currentSdl: BASE.replace('COMPLETED', 'COMPLETED @deprecated'), changesDoc: '' });
    expect(bare.undatedDeprecations.map((d) => d.subject)).toEqual(['Status.COMPLETED']);

    const dated = BASE.replace('contractor: String', 'contractor: String @deprecated(reason: "Use assignment. Removed after 2027-06-01.")');
    const ok = checkSchema({ baseSdl: BASE, currentSdl: dated, changesDoc: '', today: '2026-03-01' });
    expect(ok).toMatchObject({ ok: true, undatedDeprecations: [], expiredDeprecations: [] });
    const late = checkSchema({ baseSdl: BASE, currentSdl: dated, changesDoc: '', today: '2027-06-02' });
    expect(late.ok).toBe(true);
    expect(late.expiredDeprecations.map((d) => d.subject)).toEqual(['WorkOrder.contractor']);
  });

  it('finds deprecations on arguments and input fields, and refuses a date that is not a day', () => {
    const schema = buildSchema(`
      type Query { list(first: Int, limit: Int @deprecated(reason: "Use first. Removed after 2027-01-31.")): Int }
      input F { old: Int @deprecated(reason: "Removed after 2027-02-30.") }
      type Mutation { m(f: F): Int }
    `);
    expect(deprecationsOf(schema)).toEqual([
      { subject: 'Query.list(limit:)', reason: 'Use first. Removed after 2027-01-31.', date: '2027-01-31' },
      { subject: 'F.old', reason: 'Removed after 2027-02-30.', date: null },
    ]);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
  });

  it('passes when main has no schema to compare with, still checking deprecations', () => {
    expect(checkSchema({ baseSdl: null, currentSdl: BASE, changesDoc: '' }).ok).toBe(true);
  });
});

describe('parseDeclarations', () => {
  it("reads only the sections this change added, and refuses entries that break the format", () => {
    const doc = `${BASE_DOC}
## 2026-07-01: Contractors move to assignments
- \`WorkOrder.contractor\` (2026-07-01): Removed; read assignment.contractor.
- \`WorkOrder.status\` (1 July 2026): Renamed to state.
- WorkOrder.number (2026-07-01): no backquotes.
- \`Query.workOrders(first:)\` (2026-07-01): ok
  - a sub-point of prose is still checked as an entry
`;
    const { declarations, problems, sections } = parseDeclarations(doc, BASE_DOC);
    expect(sections).toEqual(['2026-07-01: Contractors move to assignments']);
    expect(declarations.map((d) => d.subject)).toEqual(['WorkOrder.contractor']);
    expect(problems).toEqual([
      'line 15: "1 July 2026" is not a date; write it YYYY-MM-DD',
      expect.stringMatching(/^line 16: "- WorkOrder.number .*" is not an entry/),
      'line 17: the entry for `Query.workOrders(first:)` needs a reason and what partners do instead',
      expect.stringMatching(/^line 18: "- a sub-point/),
    ]);
    expect(checkSchema({ baseSdl: BASE, currentSdl: BASE, changesDoc: doc, baseChangesDoc: BASE_DOC }).ok).toBe(false);
  });

  it('reads no declarations under headings without a date, and refuses a heading date that is not a day', () => {
    const doc = '## The format\n- **A section per change.** Prose, not an entry.\n## 2026-02-30: Not a day\n- `A.b` (2026-03-01): Removed; use c instead.\n';
    const { declarations, problems, sections } = parseDeclarations(doc, null);
    expect(sections).toEqual(['2026-02-30: Not a day']);
    expect(declarations.map((d) => d.subject)).toEqual(['A.b']);
    expect(problems).toEqual(['line 3: "2026-02-30" is not a date; write it YYYY-MM-DD']);
  });

  it('warns of a declaration no breaking change is about', () => {
    const doc = '## 2026-07-01: Nothing really\n- `WorkOrder.nothing` (2026-07-01): Removed; it never existed anyway.\n';
    const result = checkSchema({ baseSdl: BASE, currentSdl: BASE, changesDoc: doc });
    expect(result.ok).toBe(true);
    expect(reportLines(result)).toEqual(['⚠ docs/schema-changes.md:2 declares `WorkOrder.nothing`, which no breaking change is about']);
  });
});
