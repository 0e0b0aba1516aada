import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { HearthError } from '@hearth/platform-core';

/** An `ID!` argument that must be a UUID: anything else is bad input with a message naming it, never a database error. */
export const IdArg = (name: string) =>
  Args(name, { type: () => ID }, new ParseUUIDPipe({ exceptionFactory: () => new HearthError('BAD_USER_INPUT', `${name} must be a UUID`, { field: name }) }));

/** Trims strings before they are validated, so "  " is empty and " Jones" is stored as "Jones". */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
