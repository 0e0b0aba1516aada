import { Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { SignedIn } from '@hearth/platform-auth';
import { ModuleEnablement } from './module-enablement';
import { ModuleRegistry } from './module-registry';

@ObjectType({ description: 'An installed module and whether the current member has it switched on.' })
export class ModuleStatus {
  @Field() key!: string;
  @Field() name!: string;
  @Field() description!: string;
  @Field() version!: string;
  @Field({ description: 'Core modules are on for every member.' }) core!: boolean;
  @Field(() => [String]) dependsOn!: readonly string[];
  @Field() enabled!: boolean;
}

@Resolver(() => ModuleStatus)
export class ModulesResolver {
  constructor(
    private readonly registry: ModuleRegistry,
    private readonly enablement: ModuleEnablement,
  ) {}

  @Query(() => [ModuleStatus], { description: "Every installed module, with whether it is on for the current member." })
  @SignedIn()
  async modules(): Promise<ModuleStatus[]> {
    const enabled = await this.enablement.enabledKeys();
    return this.registry.all().map((m) => ({
      key: m.key,
      name: m.name,
      description: m.description,
      version: m.version,
      core: Boolean(m.core),
      dependsOn: m.dependsOn ?? [],
      enabled: enabled.has(m.key),
    }));
  }
}
