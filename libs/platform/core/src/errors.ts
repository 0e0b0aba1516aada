/**
 * Stable error codes that clients can switch on (they travel as GraphQL `extensions.code`).
 * Modules add their own codes by throwing HearthError with a code of their choosing.
 */
export type PlatformErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'TENANT_REQUIRED'
  | 'UNKNOWN_MEMBER'
  | 'MODULE_DISABLED'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'QUERY_TOO_DEEP'
  | 'QUERY_TOO_COSTLY'
  | 'PAGE_SIZE_TOO_LARGE'
  | 'RATE_LIMITED'
  /** PostgreSQL could not be reached, or the connection was lost mid-request: retry shortly. */
  | 'UNAVAILABLE'
  | 'INTERNAL';

export class HearthError extends Error {
  constructor(
    readonly code: PlatformErrorCode | (string & {}),
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'HearthError';
  }
}
