import type { Type } from '@nestjs/common';
import { createUnionType, Field, ObjectType } from '@nestjs/graphql';

/**
 * A mutation's result: its success type or one of the typed failures a client can switch on with
 * `__typename`. Results are always built as class instances, so the union tells them apart by class.
 */
export function resultUnion(name: string, description: string, types: readonly [Type, ...Type[]]) {
  return createUnionType({
    name,
    description,
    types: () => types,
    resolveType: (value: object) => types.find((type) => value instanceof type),
  });
}

@ObjectType({ description: 'One thing wrong with an input, for a person to fix.' })
export class InputProblem {
  @Field({ description: 'The input field, e.g. "references[0]" or "tenants[1]".' }) field!: string;
  @Field() message!: string;

  static of(field: string, message: string): InputProblem {
    return Object.assign(new InputProblem(), { field, message });
  }
}
