import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { depthLimit } from './query-limits';

const schema = buildSchema(`
  type Node { id: ID! child: Node }
  type Query { node: Node }
`);

const depthErrors = (query: string, max: number) =>
  validate(schema, parse(query), [...specifiedRules, depthLimit(max)]).map((e) => e.message);

describe('depthLimit', () => {
  it('allows a query at the limit', () => {
    expect(depthErrors(`{ node { child { id } } }`, 3)).toEqual([]);
  });

  it('refuses one level deeper, naming the depth and the limit', () => {
    expect(depthErrors(`{ node { child { child { id } } } }`, 3)).toEqual(['Query depth limit: the query is 4 levels deep; the limit is 3. Ask for fewer nested fields.']);
  });

  it('counts through fragments and inline fragments', () => {
    const query = `{ node { ...deep } } fragment deep on Node { child { ... on Node { child { id } } } }`;
    expect(depthErrors(query, 3)).toEqual(['Query depth limit: the query is 4 levels deep; the limit is 3. Ask for fewer nested fields.']);
  });

  it('does not count introspection fields', () => {
    expect(depthErrors(`{ node { __typename child { id } } }`, 3)).toEqual([]);
  });
});
