/**
 * A GraphQL enum over a module's list of stored values, so the list is written once: the stored
 * `assured_shorthold` is `ASSURED_SHORTHOLD` to clients. Pass the result to `registerEnumType`.
 */
export function enumOf<V extends string>(values: readonly V[]): { [K in V as Uppercase<K>]: K } {
  return Object.fromEntries(values.map((value) => [value.toUpperCase(), value])) as { [K in V as Uppercase<K>]: K };
}
