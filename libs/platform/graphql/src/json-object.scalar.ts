import { GraphQLError, GraphQLScalarType, Kind, valueFromASTUntyped } from 'graphql';

function asObject(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new GraphQLError('A JSONObject must be an object, e.g. { "defaultExpiryDays": 14 }');
  }
  return value as Record<string, unknown>;
}

/**
 * A JSON object whose shape is described elsewhere: a module's settings (each module's own JSON
 * Schema), or a message in an industry standard's shape (HACT's RaiseRepair).
 */
export const JSONObjectScalar = new GraphQLScalarType({
  name: 'JSONObject',
  description: "A JSON object whose shape is described elsewhere: a module's settings schema, or a standard's message (HACT RaiseRepair).",
  serialize: asObject,
  parseValue: asObject,
  parseLiteral(ast, variables) {
    if (ast.kind !== Kind.OBJECT) throw new GraphQLError('A JSONObject must be written as an object literal', { nodes: ast });
    return valueFromASTUntyped(ast, variables);
  },
});
