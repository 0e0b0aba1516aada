import { Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { isGranted, SignedIn } from '@hearth/platform-auth';
import { hearthContext } from '@hearth/platform-database';
import { ModuleEnablement } from './module-enablement';
import { ModuleRegistry } from './module-registry';

@ObjectType({ description: 'A page of the web console that a module provides.' })
export class ConsoleRouteInfo {
  @Field({ description: 'The console path, e.g. "repairs/hazards".' }) path!: string;
  @Field({ description: 'Its title in English.' }) title!: string;
  @Field({ description: 'Its title in Welsh.' }) titleCy!: string;
}

@ObjectType({ description: 'An installed module and whether the current member has it switched on.' })
export class ModuleStatus {
  @Field() key!: string;
  @Field() name!: string;
  @Field() description!: string;
  @Field() version!: string;
  @Field({ description: 'Core modules are on for every member.' }) core!: boolean;
  @Field(() => [String]) dependsOn!: readonly string[];
  @Field() enabled!: boolean;
  @Field(() => [ConsoleRouteInfo], {
    description: "The module's console pages that the signed-in user's roles open, whether or not the module is on; the console shows them for modules that are.",
  })
  consoleRoutes!: ConsoleRouteInfo[];
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
    const actor = hearthContext.require().actor;
    return this.registry.all().map((m) => ({
      key: m.key,
      name: m.name,
      description: m.description,
      version: m.version,
      core: Boolean(m.core),
      dependsOn: m.dependsOn ?? [],
      enabled: enabled.has(m.key),
      consoleRoutes: (m.console?.routes ?? [])
        .filter((route) => actor !== undefined && isGranted(route, actor))
        .map((route) => ({ path: route.path, title: route.title.en, titleCy: route.title.cy })),
    }));
  }
}
