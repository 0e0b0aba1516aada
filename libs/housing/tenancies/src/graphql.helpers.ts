import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID } from '@nestjs/graphql';
import { HearthError } from '@hearth/platform-core';

/**
 * A GraphQL enum over one of the entities' value lists, so the list is written once: the stored
 * `assured_shorthold` is `ASSURED_SHORTHOLD` to clients. (The assets module has the same helper;
 * it belongs in @hearth/platform-graphql.)
 */
export function enumOf<V extends string>(values: readonly V[]): { [K in V as Uppercase<K>]: K } {
  return Object.fromEntries(values.map((value) => [value.toUpperCase(), value])) as { [K in V as Uppercase<K>]: K };
}

/** An `ID!` argument that must be a UUID: anything else is bad input with a message naming it, never a database error. */
export const IdArg = (name: string) =>
  Args(name, { type: () => ID }, new ParseUUIDPipe({ exceptionFactory: () => new HearthError('BAD_USER_INPUT', `${name} must be a UUID`, { field: name }) }));
