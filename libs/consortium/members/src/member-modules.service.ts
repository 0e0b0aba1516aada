import { Injectable } from '@nestjs/common';
import { TenantEntity, TransactionManager } from '@hearth/platform-database';
import { Member, ModuleRegistry } from '@hearth/platform-kernel';

/** One installed module and whether a given member has it on. */
export interface MemberModuleState {
  key: string;
  name: string;
  description: string;
  core: boolean;
  dependsOn: readonly string[];
  enabled: boolean;
}

/** What a consortium admin sees of one member: the member by slug, and its modules. */
@Injectable()
export class MemberModulesService {
  constructor(
    private readonly transactions: TransactionManager,
    private readonly registry: ModuleRegistry,
  ) {}

  async findBySlug(slug: string): Promise<Member | null> {
    const tenant = await (await this.transactions.repository(TenantEntity)).findOneBy({ slug });
    return tenant ? Member.from(tenant) : null;
  }

  /**
   * Every installed module with whether each member has it on, for the members given. Module rows
   * are isolated per member by row-level security, so each member's are read bound to it (as
   * onboarding reads them): one small indexed query per member, never a policy opened wider.
   */
  async modulesOf(memberIds: readonly string[]): Promise<MemberModuleState[][]> {
    const answers: MemberModuleState[][] = [];
    for (const id of memberIds) {
      const rows = await this.transactions.withTenant(id, () =>
        this.transactions.query<{ module_key: string }>(`select module_key from hearth.tenant_module where enabled`),
      );
      const enabled = new Set(rows.map((row) => row.module_key));
      answers.push(
        this.registry.all().map((module) => ({
          key: module.key,
          name: module.name,
          description: module.description,
          core: Boolean(module.core),
          dependsOn: module.dependsOn ?? [],
          enabled: Boolean(module.core) || enabled.has(module.key),
        })),
      );
    }
    return answers;
  }
}
