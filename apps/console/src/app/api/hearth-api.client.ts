import { inject, Injectable } from '@angular/core';
import { AuthService } from '../auth/auth.service';
import { RUNTIME_CONFIG } from '../config/runtime-config';
import { ActingForService } from './acting-for.service';
import { ApiError } from './api-error';

/** A consortium admin names the member they act for in this header; the API checks their role before honouring it. */
export const ACT_FOR_HEADER = 'X-Hearth-Act-For';

export interface ApiResult<TData> {
  data: TData;
  /** Errors for single fields (e.g. one module switched off) that left the rest of `data` usable. */
  errors: ApiError[];
}

interface GraphQLResponse<TData> {
  data?: TData | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

/**
 * The console's one way to the GraphQL API: adds the bearer token and the acting-for header, and turns every
 * failure (no network, HTTP error, GraphQL error) into an ApiError with a stable code.
 * Plain fetch rather than a GraphQL client: the shell makes two queries and should stay small.
 */
@Injectable({ providedIn: 'root' })
export class HearthApiClient {
  private readonly config = inject(RUNTIME_CONFIG);
  private readonly auth = inject(AuthService);
  private readonly actingFor = inject(ActingForService);

  async query<TData>(document: string, variables: Record<string, unknown> = {}): Promise<ApiResult<TData>> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
    };
    const token = this.auth.accessToken();
    if (token) headers['authorization'] = `Bearer ${token}`;
    const slug = this.actingFor.slug();
    if (slug) headers[ACT_FOR_HEADER] = slug;

    let response: Response;
    try {
      response = await fetch(this.config.apiUrl, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: document, variables }),
      });
    } catch (error) {
      throw new ApiError('NETWORK', error instanceof Error ? error.message : String(error));
    }

    const body = (await response.json().catch(() => null)) as GraphQLResponse<TData> | null;
    const errors = (body?.errors ?? []).map(
      (error) => new ApiError(error.extensions?.code ?? 'UNKNOWN', error.message, error.path),
    );
    if (body?.data) return { data: body.data, errors };

    // No data at all: the first error explains why; failing that, the HTTP status has to.
    throw errors[0] ?? new ApiError(response.status === 401 ? 'UNAUTHENTICATED' : `HTTP_${response.status}`,
      `The API answered HTTP ${response.status} without a GraphQL result.`);
  }
}
