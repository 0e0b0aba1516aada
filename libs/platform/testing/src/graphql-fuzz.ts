import fc, { type Arbitrary } from 'fast-check';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';

/** What the generated values draw on besides random ones: ids and words that mean something to the database. */
export interface FuzzPools {
  /** Ids of real rows (the caller's own and, to probe isolation, another member's). */
  ids: readonly string[];
  /** Strings worth trying anywhere a string goes: references, codes, dates, hostile text. */
  strings: readonly string[];
}

/** One root field as an operation whose arguments are variables, with an arbitrary for the variables. */
export interface FuzzOperation {
  field: string;
  document: string;
  variables: Arbitrary<Record<string, unknown>>;
}

/** Text that has broken other systems: empty, huge, NUL, quotes and SQL, scripts, paths, odd Unicode, look-alike dates. */
export const HOSTILE_STRINGS: readonly string[] = [
  '', ' ', '\u0000', 'a\u0000b', "'", '"', "'; drop table hearth.asset; --", "' or '1'='1", '%', '_', '\\', '%_\\',
  '<script>alert(1)</script>', '../../etc/passwd', '😀🏠', 'ﬃ', '\u202e', 'null', 'undefined', 'NaN', '-1', '0', '1e309',
  '2026-02-30', '2026-13-01', '0000-00-00', '9999-12-31', '2026-11-24T25:61:00Z', 'CF10 1AA', ' cf10 1aa ', 'x'.repeat(5_000),
];

/**
 * Every field of the schema's `root` (Query or Mutation) as an operation with generated variables:
 * each argument from its type (input objects field by field, enums from their values, ids and
 * strings partly from `pools`), and now and then a value of the wrong type altogether. The
 * selection asks for every scalar reachable within a few levels without arguments, and at most
 * one list on any path, so the answers carry data without running into the cost limit.
 */
export function fuzzOperations(schema: GraphQLSchema, root: 'Query' | 'Mutation', pools: FuzzPools): FuzzOperation[] {
  const type = root === 'Query' ? schema.getQueryType() : schema.getMutationType();
  if (!type) return [];
  return Object.values(type.getFields()).map((field) => {
    const declarations = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`);
    const passed = field.args.map((arg) => `${arg.name}: $${arg.name}`);
    const document =
      `${root === 'Query' ? 'query' : 'mutation'} Fuzz${declarations.length ? `(${declarations.join(', ')})` : ''} ` +
      `{ ${field.name}${passed.length ? `(${passed.join(', ')})` : ''} ${selectionOf(field.type, 0, false)} }`;
    const entries = Object.fromEntries(
      field.args.map((arg) => [arg.name, fc.oneof({ weight: 19, arbitrary: valueOf(arg.type, pools, 0) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) })]),
    );
    const required = field.args.filter((arg) => isNonNullType(arg.type)).map((arg) => arg.name);
    return { field: field.name, document, variables: fc.record(entries, { requiredKeys: required }) as Arbitrary<Record<string, unknown>> };
  });
}

const MAX_INPUT_DEPTH = 4;
const MAX_SELECTION_DEPTH = 3;

function valueOf(type: GraphQLInputType, pools: FuzzPools, depth: number): Arbitrary<unknown> {
  if (isNonNullType(type)) return valueOf(type.ofType, pools, depth);
  const nullable = (arbitrary: Arbitrary<unknown>) => fc.oneof({ weight: 9, arbitrary }, { weight: 1, arbitrary: fc.constant(null) });
  if (isListType(type)) return nullable(fc.array(valueOf(type.ofType, pools, depth + 1), { maxLength: depth > 1 ? 1 : 3 }));
  if (isEnumType(type)) return nullable(fc.constantFrom(...type.getValues().map((v) => v.name)));
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    // Past the depth limit only what the type requires is filled in.
    const chosen = depth >= MAX_INPUT_DEPTH ? fields.filter((f) => isNonNullType(f.type)) : fields;
    const record = fc.record(Object.fromEntries(chosen.map((f) => [f.name, valueOf(f.type, pools, depth + 1)])), {
      requiredKeys: chosen.filter((f) => isNonNullType(f.type)).map((f) => f.name),
    });
    return nullable(record);
  }
  return nullable(scalarOf(type.name, pools));
}

function scalarOf(name: string, pools: FuzzPools): Arbitrary<unknown> {
  const pooled = (values: readonly string[]) => (values.length ? [fc.constantFrom(...values)] : []);
  const day = fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true });
  switch (name) {
    case 'ID':
      return fc.oneof(...pooled(pools.ids), fc.uuid(), fc.constantFrom(...HOSTILE_STRINGS));
    case 'Int':
      return fc.oneof(fc.integer({ min: -5, max: 200 }), fc.constantFrom(0, -1, 2_147_483_647, -2_147_483_648));
    case 'Float':
      return fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom(0, -0.01, 1e15));
    case 'Boolean':
      return fc.boolean();
    case 'DateTime':
      return fc.oneof(day.map((d) => d.toISOString()), fc.constantFrom(...HOSTILE_STRINGS));
    case 'JSONObject':
      return fc.oneof(fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }), fc.constant({}));
    default:
      // String and any scalar read from a string: real values, days, hostile text, random text.
      return fc.oneof(
        ...pooled(pools.strings),
        ...pooled(pools.ids),
        day.map((d) => d.toISOString().slice(0, 10)),
        fc.constantFrom(...HOSTILE_STRINGS),
        fc.string({ maxLength: 40 }),
      );
  }
}

function selectionOf(type: GraphQLOutputType, depth: number, listAbove: boolean): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  const list = listAbove || isListType(getNullableType(type)) || named.name.endsWith('Connection');
  if (isUnionType(named)) return `{ __typename ${named.getTypes().map((member) => `... on ${member.name} ${fieldsOf(member, depth, list)}`).join(' ')} }`;
  if (isInterfaceType(named) || isObjectType(named)) return fieldsOf(named as GraphQLObjectType, depth, list);
  return '';
}

/** A type's fields without required arguments; a list (or connection) only where no list is above it, counting a connection's edges as part of it. */
function fieldsOf(type: GraphQLObjectType, depth: number, listAbove: boolean): string {
  const selected: string[] = ['__typename'];
  for (const field of Object.values(type.getFields()) as Array<GraphQLField<unknown, unknown>>) {
    if (field.args.some((arg) => isNonNullType(arg.type))) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) {
      selected.push(field.name);
      continue;
    }
    const isList = named.name.endsWith('Connection') || (isListType(getNullableType(field.type)) && !type.name.endsWith('Connection'));
    if (depth + 1 >= MAX_SELECTION_DEPTH || (isList && listAbove)) continue;
    selected.push(`${field.name} ${selectionOf(field.type, depth + 1, listAbove)}`);
  }
  return `{ ${selected.join(' ')} }`;
}
