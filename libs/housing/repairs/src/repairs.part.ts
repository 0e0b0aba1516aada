import type { Type } from '@nestjs/common';
import type { Importer } from '@hearth/platform-kernel';

/**
 * The repairs module is large, so each area (repairs and work orders, contractors, hazards,
 * escalation, measures, HACT) declares what it adds in its own `<area>.part.ts`, and
 * repairs.module.ts gathers them into the one @HearthModule declaration.
 */
export interface RepairsPart {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: Function[];
  providers?: Type[];
  resolvers?: Type[];
  importers?: Type<Importer>[];
  /** Providers other parts (or other modules) use. */
  exports?: Type[];
}
