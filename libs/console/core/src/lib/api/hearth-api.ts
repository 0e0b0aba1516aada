import { inject, Injectable } from '@angular/core';
import { CombinedGraphQLErrors, ServerError, type OperationVariables, type TypedDocumentNode } from '@apollo/client';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { ApiError } from './api-error';

export interface ApiResult<TData> {
  data: TData;
  /** Errors for single fields (e.g. one module switched off) that left the rest of `data` usable. */
  errors: ApiError[];
}

/**
 * The console's one way to the GraphQL API, over apollo-angular with typed documents (see
 * libs/console/codegen.ts). Every failure (no network, HTTP error, GraphQL error) becomes an
 * ApiError with a stable code, so screens show one kind of error whatever went wrong.
 * Queries go to the network each time (the cache still normalises what comes back): a screen
 * staff open shows the data as it is now, not as it was when they last looked.
 */
@Injectable({ providedIn: 'root' })
export class HearthApi {
  private readonly apollo = inject(Apollo);

  /** Resolves with the data and any per-field errors; rejects with an ApiError when there is no data at all. */
  async query<TData, TVariables extends OperationVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables?: TVariables,
  ): Promise<ApiResult<TData>> {
    const result = await firstValueFrom(
      this.apollo.query<TData, TVariables>({ query: document, variables, fetchPolicy: 'network-only', errorPolicy: 'all' } as never),
    ).catch((error: unknown) => {
      throw toApiErrors(error)[0];
    });
    const errors = result.error ? toApiErrors(result.error) : [];
    if (result.data) return { data: result.data as TData, errors };
    throw errors[0] ?? new ApiError('UNKNOWN', 'The API answered without data or an error.');
  }

  /**
   * Runs a mutation. Its typed result (usually a union of the success and the problems it can
   * meet) comes back for the screen to branch on; only failures outside the schema reject.
   */
  async mutate<TData, TVariables extends OperationVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables?: TVariables,
  ): Promise<TData> {
    const result = await firstValueFrom(
      this.apollo.mutate<TData, TVariables>({ mutation: document, variables, errorPolicy: 'all' } as never),
    ).catch((error: unknown) => {
      throw toApiErrors(error)[0];
    });
    if (result.error) throw toApiErrors(result.error)[0];
    if (!result.data) throw new ApiError('UNKNOWN', 'The API answered the change without data.');
    return result.data as TData;
  }

  /** Forgets every cached answer: after switching member, nothing of the last one may show. */
  async reset(): Promise<void> {
    await this.apollo.client.clearStore();
  }
}

interface GraphQLErrorShape {
  message: string;
  path?: readonly (string | number)[];
  extensions?: { code?: unknown };
}

function fromGraphQL(errors: readonly GraphQLErrorShape[]): ApiError[] {
  return errors.map(
    (error) => new ApiError(typeof error.extensions?.code === 'string' ? error.extensions.code : 'UNKNOWN', error.message, error.path ?? []),
  );
}

/** Apollo's error kinds, as the console's: GraphQL errors keep their codes; HTTP and network failures get one. */
export function toApiErrors(error: unknown): ApiError[] {
  if (error instanceof ApiError) return [error];
  if (CombinedGraphQLErrors.is(error)) return fromGraphQL(error.errors);
  if (ServerError.is(error)) {
    // A refused request (401, 403) still carries the API's GraphQL errors in its body.
    try {
      const body = JSON.parse(error.bodyText) as { errors?: GraphQLErrorShape[] };
      if (body.errors?.length) return fromGraphQL(body.errors);
    } catch {
      // Not JSON: the status has to explain it.
    }
    const code = error.statusCode === 401 ? 'UNAUTHENTICATED' : `HTTP_${error.statusCode}`;
    return [new ApiError(code, `The API answered HTTP ${error.statusCode} without a GraphQL result.`)];
  }
  return [new ApiError('NETWORK', error instanceof Error ? error.message : String(error))];
}
