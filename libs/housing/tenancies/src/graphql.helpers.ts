import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID } from '@nestjs/graphql';
import { HearthError } from '@hearth/platform-core';

/** An `ID!` argument that must be a UUID: anything else is bad input with a message naming it, never a database error. */
export const IdArg = (name: string) =>
  Args(name, { type: () => ID }, new ParseUUIDPipe({ exceptionFactory: () => new HearthError('BAD_USER_INPUT', `${name} must be a UUID`, { field: name }) }));
