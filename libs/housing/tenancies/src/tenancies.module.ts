import { HearthModule } from '@hearth/platform-kernel';
import {
  PersonAlertEntity, PersonEntity, PersonReferenceEntity, TenancyEntity, TenancyEventEntity, TenancyPartyEntity, TenancyReferenceEntity,
} from './tenancies.entities';
import { Tenancies1763900300000 } from './migrations/1763900300000-tenancies';

/** People, households and tenancies (occupation contracts in Wales). Reads the assets it depends on (ADR 9). */
@HearthModule({
  key: 'tenancies',
  name: 'Tenancies',
  description: 'People, households and tenancies (occupation contracts in Wales) on the member\'s dwellings.',
  version: '1.0.0',
  dependsOn: ['assets'],
  entities: [PersonEntity, PersonReferenceEntity, PersonAlertEntity, TenancyEntity, TenancyReferenceEntity, TenancyPartyEntity, TenancyEventEntity],
  migrations: [Tenancies1763900300000],
})
export class TenanciesModule {}
