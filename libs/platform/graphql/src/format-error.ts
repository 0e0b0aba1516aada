import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { HttpException, Logger } from '@nestjs/common';
import { HearthError } from '@hearth/platform-core';

const logger = new Logger('GraphQL');

/** PostgreSQL error codes that mean "the caller asked for something the rules refuse". */
const PG_CODES: Record<string, { code: string; message: string }> = {
  '23505': { code: 'CONFLICT', message: 'That would duplicate a record that already exists' },
  '23503': { code: 'BAD_USER_INPUT', message: 'That refers to a record that does not exist' },
  '23P01': { code: 'CONFLICT', message: 'That overlaps a record that already exists' },
  '42501': { code: 'TENANT_REQUIRED', message: 'This operation needs a member to be chosen' },
  '57014': { code: 'TIMEOUT', message: 'The operation took too long and was stopped' },
  // Data exceptions: a value the request gave that passed the input's checks but PostgreSQL cannot
  // take (a date like 2026-02-30, a number out of range, a NUL character). Found by fuzzing.
  ...Object.fromEntries(
    ['22001', '22003', '22007', '22008', '22021', '22P02', '22P05'].map((code) => [
      code,
      { code: 'BAD_USER_INPUT', message: 'A value in the request cannot be stored or read: a date that does not exist, a number out of range, text too long, or a character such as NUL' },
    ]),
  ),
};

/**
 * Gives every error a stable `extensions.code`, keeps HearthError messages (they are written
 * for users), and hides everything else behind a generic message: internals never leak.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof HearthError) {
    return { ...base, message: original.message, extensions: { ...original.details, code: original.code } };
  }
  if (original instanceof HttpException) {
    const response = original.getResponse() as { message?: string | string[] } | string;
    const messages = typeof response === 'string' ? [response] : [response.message ?? original.message].flat();
    const status = original.getStatus();
    const code = status === 400 ? 'BAD_USER_INPUT' : status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : 'INTERNAL';
    return { ...base, message: messages.join('; '), extensions: { code } };
  }
  const pgCode = (original as { code?: unknown })?.code;
  if (typeof pgCode === 'string' && PG_CODES[pgCode]) {
    return { ...base, message: PG_CODES[pgCode].message, extensions: { code: PG_CODES[pgCode].code } };
  }
  if (databaseUnreachable(original)) {
    return { ...base, message: UNAVAILABLE_MESSAGE, extensions: { code: 'UNAVAILABLE' } };
  }
  const refusal = limitRefusal(error);
  if (refusal) {
    const { http: _http, ...extensions } = refusal.extensions;
    return { ...base, message: refusal.message, extensions };
  }
  const apolloCode = formatted.extensions?.code;
  if (typeof apolloCode === 'string' && apolloCode !== 'INTERNAL_SERVER_ERROR') {
    // Parse and validation errors: Apollo's messages describe the query, not our internals.
    return { ...base, extensions: { code: apolloCode === 'GRAPHQL_VALIDATION_FAILED' ? 'BAD_QUERY' : apolloCode } };
  }
  logger.error(original instanceof Error ? original.stack ?? original.message : String(original));
  return { ...base, message: 'Something went wrong on our side; it has been logged', extensions: { code: 'INTERNAL' } };
}

/**
 * Said when PostgreSQL cannot be reached or a connection to it is lost mid-request. Whether a change
 * whose connection was lost while it committed was saved cannot be known from here, so the
 * message does not claim either.
 */
export const UNAVAILABLE_MESSAGE =
  'Hearth cannot reach its database just now; try again shortly. A change sent as the connection was lost may have been saved: check before sending it again';

/** PostgreSQL out of reach (refused, reset, dropped, shutting down): an outage to retry after, not a fault in Hearth. */
export function databaseUnreachable(error: unknown): boolean {
  // graphql-js wraps a thrown value that is not an Error (a socket's error, copied by the driver) as NonErrorThrown.
  const thrown = (error as { thrownValue?: unknown } | undefined)?.thrownValue ?? error;
  const { code, message } = (thrown ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (code.startsWith('08') || ['57P01', '57P02', '57P03', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(code))) {
    return true;
  }
  return typeof message === 'string' && /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/.test(message);
}

/** The query limits' refusals (query-limits.ts), which keep their own code and figures. */
const LIMIT_CODES = new Set(['QUERY_TOO_DEEP', 'QUERY_TOO_COSTLY', 'PAGE_SIZE_TOO_LARGE']);

/**
 * Apollo re-labels a validation rule's error GRAPHQL_VALIDATION_FAILED; the limit's own error,
 * with its code, limit and figure, is the one wrapped inside.
 */
function limitRefusal(error: unknown): GraphQLError | undefined {
  for (let current = error; current instanceof GraphQLError; current = current.originalError) {
    if (LIMIT_CODES.has(String(current.extensions?.['code']))) return current;
  }
  return undefined;
}
