import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/** Published in docs/partners/limits.md; change both together. */
export const QUERY_LIMITS = {
  /** Deepest selection allowed, counting the operation's root fields as depth 1. */
  maxDepth: 10,
  /** Cost budget of one operation: each field costs 1, a list costs its page size times its children. */
  maxCost: 5_000,
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
            new GraphQLError(`The query is ${depth} levels deep; the limit is ${maxDepth}`, {
              nodes: [operation],
              extensions: { code: 'QUERY_TOO_DEEP', limit: maxDepth, depth },
            }),
          );
        }
      },
    };
  };
}

/** Refuses an operation whose estimated cost exceeds the budget, before anything runs. */
export function costLimitPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
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
            throw new GraphQLError(`The query would cost ${cost}; the limit is ${maxCost}. Ask for fewer rows or fields.`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', limit: maxCost, cost },
            });
          }
        },
      };
    },
  };
}

/** Cost of a connection field: its children once per row of the page it asks for. */
export const connectionCost = ({ args, childComplexity }: { args: { first?: number }; childComplexity: number }) =>
  1 + childComplexity * (args.first ?? 20);
