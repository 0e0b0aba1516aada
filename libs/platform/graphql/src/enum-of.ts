import { registerEnumType, type EnumOptions } from '@nestjs/graphql';

/**
 * A GraphQL enum over a module's list of stored values, registered under `options.name`, so the
 * list is written once: the stored `assured_shorthold` is `ASSURED_SHORTHOLD` to clients.
 */
export function enumOf<V extends string>(values: readonly V[], options: EnumOptions): { [K in V as Uppercase<K>]: K } {
  const enumType = Object.fromEntries(values.map((value) => [value.toUpperCase(), value])) as { [K in V as Uppercase<K>]: K };
  registerEnumType(enumType, options);
  return enumType;
}
