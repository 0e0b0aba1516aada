import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';
import { HearthError } from '@hearth/platform-core';

/** An `ID!` argument that must be a UUID: anything else is bad input with a message naming it, never a database error. */
export const IdArg = (name: string) =>
  Args(name, { type: () => ID }, new ParseUUIDPipe({ exceptionFactory: () => new HearthError('BAD_USER_INPUT', `${name} must be a UUID`, { field: name }) }));

/** Trims strings before they are validated, so "  " is empty and " Jones" is stored as "Jones". */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/**
 * A number with at most `places` decimals. class-validator's `IsNumber({ maxDecimalPlaces })` throws
 * (an INTERNAL error) on a number JavaScript writes with an exponent, such as 1e-7, which GraphQL's
 * Float accepts: found by fuzzing. This counts decimals without reading the number's text.
 */
export const HasDecimalPlaces = (places: number, message: string) =>
  ValidateBy({
    name: 'hasDecimalPlaces',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'number' && Number.isFinite(value) && Math.abs(Math.round(value * 10 ** places) - value * 10 ** places) < 1e-6,
      defaultMessage: () => message,
    },
  });
