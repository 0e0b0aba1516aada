import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNullableType,
  GraphQLError,
  GraphQLInt,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './connection';

/** Published in docs/partners/limits.md; change both together. */
export const QUERY_LIMITS = {
  /** Deepest selection allowed, counting the operation's root fields as depth 1. */
  maxDepth: 10,
  /** Cost budget of one operation: each field costs 1, a list costs its page size times its children. */
  maxCost: 5_000,
  /** Most rows one page (`first`) may ask for. */
  maxPageSize: MAX_PAGE_SIZE,
};

/** A validation rule refusing operations nested deeper than `maxDepth`. */
export function depthLimit(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const depthOf = (selectionSet: SelectionSetNode | undefined, depth: number, seen: Set<string>): number => {
      if (!selectionSet) return depth - 1;
      let deepest = depth;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value.startsWith('__')) continue;
          deepest = Math.max(deepest, depthOf(selection.selectionSet, depth + 1, seen));
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet, depth, seen));
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (fragment && !seen.has(name)) {
            deepest = Math.max(deepest, depthOf(fragment.selectionSet, depth, new Set([...seen, name])));
          }
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, 1, new Set());
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`Query depth limit: the query is ${depth} levels deep; the limit is ${maxDepth}. Ask for fewer nested fields.`, {
              nodes: [operation],
              extensions: { code: 'QUERY_TOO_DEEP', limit: maxDepth, depth },
            }),
          );
        }
      },
    };
  };
}

/**
 * Refuses an operation that asks a page for more than `maxPageSize` rows, or whose estimated
 * cost exceeds the budget, before anything runs. The page size is checked first, so a client
 * asking for `first: 500` is told about the page size, not about a cost it did not mean to run up.
 */
export function costLimitPlugin(maxCost: number, maxPageSize = QUERY_LIMITS.maxPageSize): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const tooLarge = oversizedPage(schema, document, request.variables ?? {}, maxPageSize);
          if (tooLarge) {
            throw new GraphQLError(
              `Page size limit: ${tooLarge.field} asks for ${tooLarge.first} rows; the limit is ${maxPageSize} per page. Page through the rest with "after".`,
              { extensions: { code: 'PAGE_SIZE_TOO_LARGE', limit: maxPageSize, requested: tooLarge.first, field: tooLarge.field, http: { status: 400 } } },
            );
          }
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              operationName: request.operationName,
              variables: request.variables,
              estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch {
            // The variables do not fit the operation; execution refuses them next, with Apollo's
            // own BAD_USER_INPUT message, before anything runs.
            return;
          }
          if (cost > maxCost) {
            throw new GraphQLError(`Query cost limit: the query would cost ${cost}; the limit is ${maxCost}. Ask for fewer rows or fields.`, {
              extensions: { code: 'QUERY_TOO_COSTLY', limit: maxCost, cost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/** Cost of a connection field: its children once per row of the page it asks for. */
export const connectionCost = ({ args, childComplexity }: { args: { first?: number }; childComplexity: number }) =>
  1 + childComplexity * (args.first ?? DEFAULT_PAGE_SIZE);

/** The first field of the operation whose integer `first` argument is over the page size limit. */
function oversizedPage(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  maxPageSize: number,
): { field: string; first: number } | undefined {
  const typeInfo = new TypeInfo(schema);
  let found: { field: string; first: number } | undefined;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const definition = typeInfo.getFieldDef();
        const firstArg = definition?.args.find((arg) => arg.name === 'first');
        if (found || !definition || !firstArg || getNullableType(firstArg.type) !== GraphQLInt) return;
        let first: unknown;
        try {
          first = getArgumentValues(definition, node, variables).first;
        } catch {
          return; // bad variables: execution refuses them with Apollo's own message
        }
        if (typeof first === 'number' && first > maxPageSize) {
          found = { field: `${typeInfo.getParentType()?.name ?? ''}.${node.name.value}`, first };
        }
      },
    }),
  );
  return found;
}

/**
 * A request refused by its rate limit (RATE_LIMITED, raised by the access guard) is answered
 * with HTTP 429 and `Retry-After`, as HTTP clients and proxies expect, not with a 200.
 */
export function rateLimitStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const limited = body?.errors?.find((error) => error.extensions?.['code'] === 'RATE_LIMITED');
          if (!limited) return;
          // @nestjs/apollo's own plugin resets the status of any answer with `data` to 200 in this
          // same hook; let it run first.
          await new Promise((resolve) => setImmediate(resolve));
          response.http.status = 429;
          response.http.headers.set('retry-after', String(limited.extensions?.['retryAfterSeconds'] ?? 60));
        },
      };
    },
  };
}
