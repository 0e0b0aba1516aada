import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '@hearth/platform-auth';
import { connectionCost } from '@hearth/platform-graphql';
import { Asset } from '@hearth/housing-assets';
import { Dwelling, DwellingConnection } from './dwelling.model';
import { DwellingRegisterService, type DwellingPage } from './dwelling-register.service';
import { RegisterAccess } from './register-access';
import { RegisterLoaders } from './register.loaders';
import { Tenancy } from './tenancy.model';
import { tenanciesPermissions as can } from './tenancies.permissions';
import { DwellingsArgs } from './dto/register-filters.input';

@Resolver(() => Dwelling)
export class DwellingRegisterResolver {
  constructor(private readonly register: DwellingRegisterService) {}

  @Query(() => DwellingConnection, {
    description: 'The dwelling register: dwellings in postcode order with the tenancy live in each today.',
    complexity: connectionCost,
  })
  @Access(can.read)
  dwellings(@Args() args: DwellingsArgs): Promise<DwellingPage> {
    return this.register.page(args.filter ?? {}, args);
  }
}

@Resolver(() => DwellingConnection)
export class DwellingConnectionResolver {
  constructor(private readonly register: DwellingRegisterService) {}

  @ResolveField(() => Int, { description: 'How many dwellings match the filter; counted only when asked for.' })
  totalCount(@Parent() page: DwellingPage): Promise<number> {
    return this.register.count(page.filter);
  }
}

/** The register adds each home's current tenancy to the assets module's Asset type. */
@Resolver(() => Asset)
export class AssetTenancyResolver {
  constructor(
    private readonly loaders: RegisterLoaders,
    private readonly access: RegisterAccess,
  ) {}

  @ResolveField(() => Tenancy, { nullable: true, description: 'The tenancy live today, for a dwelling; needs the tenancies module and register:read.' })
  async currentTenancy(@Parent() asset: Asset): Promise<Tenancy | null> {
    await this.access.assertCanRead();
    const entity = await this.loaders.currentTenancyOf().load(asset.id);
    return entity ? Tenancy.from(entity) : null;
  }
}
