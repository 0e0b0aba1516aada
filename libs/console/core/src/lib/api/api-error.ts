/**
 * The codes the API puts in `extensions.code` that the console explains in its own words, plus NETWORK for when
 * no answer came at all. Anything else keeps the server's code and message.
 */
export const EXPLAINED_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'MODULE_DISABLED',
  'TENANT_REQUIRED',
  'UNKNOWN_MEMBER',
  'NETWORK',
] as const;

export type ExplainedErrorCode = (typeof EXPLAINED_ERROR_CODES)[number];

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The field the error belongs to, when the rest of the answer is still usable. */
    readonly path: readonly (string | number)[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get explained(): ExplainedErrorCode | undefined {
    return (EXPLAINED_ERROR_CODES as readonly string[]).includes(this.code) ? (this.code as ExplainedErrorCode) : undefined;
  }
}
