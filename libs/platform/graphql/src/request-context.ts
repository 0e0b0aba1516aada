import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { HearthContext, hearthContext, TransactionManager } from '@hearth/platform-database';
import { databaseUnreachable, UNAVAILABLE_MESSAGE } from './format-error';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

export interface GraphQLRequestContext {
  req: Request;
  res: Response;
  hearth: HearthContext;
}

/**
 * Opens a HearthContext around each HTTP request, so everything the request causes (guards,
 * resolvers, DataLoaders) shares it through AsyncLocalStorage.
 */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    const offered = req.headers['x-request-id'];
    const requestId = typeof offered === 'string' && REQUEST_ID.test(offered) ? offered : undefined;
    const context = new HearthContext({ requestId });
    res.setHeader('x-request-id', context.requestId);
    hearthContext.run(context, () => next());
  }
}

/**
 * Ends each GraphQL request's transaction once the response is ready: a mutation that
 * reported an error is rolled back whole, so no request is ever half-applied. A failed
 * commit turns the response into an error rather than a false success.
 */
export function transactionPlugin(transactions: TransactionManager): ApolloServerPlugin<GraphQLRequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, operation }) {
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const failedMutation = operation?.operation === 'mutation' && Boolean(body?.errors?.length);
          try {
            await transactions.finish(contextValue.hearth, failedMutation ? 'rollback' : 'commit');
          } catch (error) {
            if (body) {
              body.data = null;
              // A commit whose connection was lost may have been saved or not: only a refused one is known to have changed nothing.
              body.errors = [
                databaseUnreachable(error)
                  ? { message: UNAVAILABLE_MESSAGE, extensions: { code: 'UNAVAILABLE' } }
                  : { message: 'The change could not be saved; nothing was applied', extensions: { code: 'INTERNAL' } },
              ];
            }
          }
        },
      };
    },
  };
}
