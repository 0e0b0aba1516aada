/** Queue of domain events relayed from the outbox; one job per event, the event id as job id. */
export const EVENTS_QUEUE = 'hearth-events';

/**
 * What every tenant job carries: the member and the ids to work on, never whole records or
 * request state, so payloads stay small and handlers read current data through RLS.
 */
export interface TenantJobData {
  tenantId: string;
  ids: string[];
}

/** Completed jobs stay long enough for a re-relayed event id to be recognised as a duplicate. */
export const KEEP_COMPLETED = { age: 7 * 24 * 3600, count: 100_000 };
export const KEEP_FAILED = { age: 30 * 24 * 3600 };
