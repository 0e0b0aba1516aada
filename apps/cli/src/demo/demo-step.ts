import type { INestApplicationContext } from '@nestjs/common';
import type { TenantEntity } from '@hearth/platform-database';

/**
 * One module's demo data for one member. `run` is called inside a unit of work bound to the
 * member (so row-level security applies, as for any request) and must be idempotent: a second
 * `demo:seed` finds its data in place and adds nothing. It returns a line per thing it added.
 */
export interface DemoStep {
  /** What it adds, for messages. */
  name: string;
  /** Runs only for members with every one of these modules on. */
  modules: readonly string[];
  run(app: INestApplicationContext, member: TenantEntity): Promise<string[]>;
}
