import { HearthError } from '@hearth/platform-core';
import { decodeCursor } from '@hearth/platform-graphql';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CHECKS = {
  text: (value: unknown) => typeof value === 'string' && value.length <= 500,
  uuid: (value: unknown) => typeof value === 'string' && UUID.test(value),
  instant: (value: unknown) => typeof value === 'string' && !Number.isNaN(Date.parse(value)),
};

/** The sort key an `after` cursor carries, each value checked to be of its kind before it reaches SQL. */
export function cursorValues(after: string, kinds: readonly (keyof typeof CHECKS)[]): string[] {
  const values = decodeCursor(after, kinds.length);
  if (!kinds.every((kind, i) => CHECKS[kind](values[i]))) {
    throw new HearthError('BAD_USER_INPUT', 'The "after" cursor is not one this API issued', { field: 'after' });
  }
  return values as string[];
}
