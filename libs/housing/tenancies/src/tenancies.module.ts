import { HearthModule } from '@hearth/platform-kernel';
import {
  PersonAlertEntity, PersonEntity, PersonReferenceEntity, TenancyEntity, TenancyEventEntity, TenancyPartyEntity, TenancyReferenceEntity,
} from './tenancies.entities';
import { Tenancies1763900300000 } from './migrations/1763900300000-tenancies';
import { RegisterWritePath1764400000000 } from './migrations/1764400000000-register-write-path';
import { tenanciesEvents, tenanciesPermissions } from './tenancies.permissions';
import { PersonService } from './person.service';
import { PersonImporter } from './person.importer';
import { TenancyImporter } from './tenancy.importer';
import { TenancyService } from './tenancy.service';
import { DwellingRegisterService } from './dwelling-register.service';
import { MemberCountry } from './member-country';
import { RegisterAccess } from './register-access';
import { RegisterLoaders } from './register.loaders';
import { PersonResolver } from './person.resolver';
import { TenancyEventResolver, TenancyPartyResolver, TenancyResolver } from './tenancy.resolver';
import { AssetTenancyResolver, DwellingConnectionResolver, DwellingRegisterResolver } from './dwelling-register.resolver';
import { PersonNameProbe } from './shareable/person-name.probe';
import { OccupiedAddressProbe } from './shareable/occupied-address.probe';

/** People, households and tenancies (occupation contracts in Wales). Reads the assets it depends on (ADR 9). */
@HearthModule({
  key: 'tenancies',
  name: 'Tenancies',
  description: 'People, households and tenancies (occupation contracts in Wales) on the member\'s dwellings.',
  version: '1.0.0',
  dependsOn: ['assets'],
  entities: [PersonEntity, PersonReferenceEntity, PersonAlertEntity, TenancyEntity, TenancyReferenceEntity, TenancyPartyEntity, TenancyEventEntity],
  migrations: [Tenancies1763900300000, RegisterWritePath1764400000000],
  providers: [PersonService, TenancyService, DwellingRegisterService, MemberCountry, RegisterAccess, RegisterLoaders],
  resolvers: [
    PersonResolver, TenancyResolver, TenancyPartyResolver, TenancyEventResolver,
    DwellingRegisterResolver, DwellingConnectionResolver, AssetTenancyResolver,
  ],
  importers: [PersonImporter, TenancyImporter],
  // No person's name nor occupied home's address is published as shared configuration.
  privateDataProbes: [PersonNameProbe, OccupiedAddressProbe],
  permissions: tenanciesPermissions,
  events: { emits: tenanciesEvents },
  console: {
    routes: [
      { path: 'register/dwellings', title: { en: 'Dwellings', cy: 'Anheddau' }, roles: tenanciesPermissions.read.roles },
      { path: 'register/people', title: { en: 'People', cy: 'Pobl' }, roles: tenanciesPermissions.read.roles },
    ],
  },
})
export class TenanciesModule {}
