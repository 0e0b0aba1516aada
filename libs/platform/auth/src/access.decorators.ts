import { SetMetadata } from '@nestjs/common';

export const ACCESS_RULE = 'hearth:access';

/**
 * Who may call an operation: anyone; anyone signed in (people and partners); or people by
 * realm role and partners by OAuth scope (an operation with no scopes is closed to partners).
 */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  | { kind: 'granted'; roles: readonly string[]; scopes?: readonly string[] };

/** Realm roles known to the platform; modules may add their own. */
export const Role = {
  HousingOfficer: 'housing-officer',
  RepairsPlanner: 'repairs-planner',
  IncomeOfficer: 'income-officer',
  TenantAdmin: 'tenant-admin',
  ConsortiumAdmin: 'consortium-admin',
  /** Staff of an invited guest organisation (a council, a health board): shared spaces and events only. */
  Guest: 'guest',
} as const;

/** Staff roles that every signed-in member user holds at least one of. */
export const ANY_STAFF_ROLE = [Role.HousingOfficer, Role.RepairsPlanner, Role.IncomeOfficer, Role.TenantAdmin, Role.ConsortiumAdmin];

/** Everyone who works together in the consortium's shared spaces and events: members' staff and guests. */
export const ANY_COLLABORATOR_ROLE = [...ANY_STAFF_ROLE, Role.Guest];

/** Guards an operation (or every operation of a resolver class) with the roles and scopes it needs. */
export const Access = (grant: { roles: readonly string[]; scopes?: readonly string[] }) =>
  SetMetadata(ACCESS_RULE, { kind: 'granted', roles: grant.roles, scopes: grant.scopes } satisfies AccessRule);

/** Open to any valid token, person or partner, e.g. "who am I". */
export const SignedIn = () => SetMetadata(ACCESS_RULE, { kind: 'signed-in' } satisfies AccessRule);

/** Open to anyone, signed in or not. Use sparingly: health, discovery. */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);
