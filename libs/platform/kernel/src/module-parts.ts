import type { Type } from '@nestjs/common';
import type { Importer } from './importer';

/**
 * What one area of a large module adds (repairs' hazards, rent's payments...), declared in the
 * area's own `<area>.part.ts`; the module's @HearthModule gathers its parts with `fromParts`, so
 * the module file still lists every area in one place.
 */
export interface ModulePart {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: Function[];
  providers?: Type[];
  resolvers?: Type[];
  importers?: Type<Importer>[];
  /** Providers other areas, or other modules, use. */
  exports?: Type[];
}

/** The parts' declarations joined, field by field, for spreading into a @HearthModule. */
export function fromParts(parts: readonly ModulePart[]): Required<ModulePart> {
  const all = <K extends keyof ModulePart>(key: K) => parts.flatMap((part) => part[key] ?? []) as NonNullable<ModulePart[K]>;
  return { entities: all('entities'), providers: all('providers'), resolvers: all('resolvers'), importers: all('importers'), exports: all('exports') };
}
