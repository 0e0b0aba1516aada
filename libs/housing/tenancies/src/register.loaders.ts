import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { In, IsNull, type EntityTarget, type FindOptionsOrder, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';
import { TransactionManager } from '@hearth/platform-database';
import { requestLoader } from '@hearth/platform-graphql';
import { AssetEntity } from '@hearth/housing-assets';
import {
  PersonAlertEntity, PersonEntity, PersonReferenceEntity, TenancyEntity, TenancyEventEntity, TenancyPartyEntity, TenancyReferenceEntity,
} from './tenancies.entities';
import { hydrate, liveOn } from './sql';
import { ukToday } from './uk-date';

/**
 * The register's relations, each loaded for a whole page at once through a per-request
 * DataLoader: a page of 50 tenancies costs one query per relation asked for, not 50.
 */
@Injectable()
export class RegisterLoaders {
  constructor(private readonly transactions: TransactionManager) {}

  person(): DataLoader<string, PersonEntity | null> {
    return this.one('person', PersonEntity, 'id');
  }

  tenancy(): DataLoader<string, TenancyEntity | null> {
    return this.one('tenancy', TenancyEntity, 'id');
  }

  /** Assets are the assets module's; the register reads them (ADR 9). */
  dwelling(): DataLoader<string, AssetEntity | null> {
    return this.one('dwelling', AssetEntity, 'id');
  }

  referencesOfPerson(): DataLoader<string, PersonReferenceEntity[]> {
    return this.many('referencesOfPerson', PersonReferenceEntity, 'personId', {}, { system: 'ASC', reference: 'ASC' });
  }

  alertsOfPerson(includeEnded: boolean): DataLoader<string, PersonAlertEntity[]> {
    const where: FindOptionsWhere<PersonAlertEntity> = includeEnded ? {} : { endedOn: IsNull() };
    return this.many(`alertsOfPerson:${includeEnded}`, PersonAlertEntity, 'personId', where, { raisedOn: 'DESC', id: 'ASC' });
  }

  partiesOf(): DataLoader<string, TenancyPartyEntity[]> {
    return this.many('partiesOf', TenancyPartyEntity, 'tenancyId', {}, { role: 'DESC', joinedOn: 'ASC', personId: 'ASC' });
  }

  eventsOf(): DataLoader<string, TenancyEventEntity[]> {
    return this.many('eventsOf', TenancyEventEntity, 'tenancyId', {}, { occurredOn: 'ASC', recordedAt: 'ASC' });
  }

  referencesOfTenancy(): DataLoader<string, TenancyReferenceEntity[]> {
    return this.many('referencesOfTenancy', TenancyReferenceEntity, 'tenancyId', {}, { system: 'ASC', reference: 'ASC' });
  }

  /** Every tenancy a person is or was a party to, newest first. */
  tenanciesOfPerson(): DataLoader<string, TenancyEntity[]> {
    return requestLoader('tenancies:tenanciesOfPerson', async (personIds: readonly string[]) => {
      const rows = await this.transactions.query<Record<string, unknown> & { person_id: string }>(
        `select p.person_id, t.* from hearth.tenancy_party p
         join hearth.tenancy t on t.tenant_id = p.tenant_id and t.id = p.tenancy_id
         where p.person_id = any($1::uuid[])
         order by t.start_date desc, t.id`,
        [personIds],
      );
      const manager = await this.transactions.manager();
      const byPerson = new Map<string, TenancyEntity[]>();
      for (const row of rows) append(byPerson, row.person_id, hydrate(manager, TenancyEntity, row));
      return personIds.map((id) => byPerson.get(id) ?? []);
    });
  }

  /** The tenancy live today on each dwelling, if any (the exclusion constraint allows at most one). */
  currentTenancyOf(): DataLoader<string, TenancyEntity | null> {
    return requestLoader('tenancies:currentTenancyOf', async (dwellingIds: readonly string[]) => {
      const rows = await this.transactions.query(
        `select * from hearth.tenancy t where t.dwelling_id = any($1::uuid[]) and ${liveOn('t', '$2')}`,
        [dwellingIds, ukToday()],
      );
      const manager = await this.transactions.manager();
      const byDwelling = new Map(rows.map((row) => [row.dwelling_id as string, hydrate(manager, TenancyEntity, row)]));
      return dwellingIds.map((id) => byDwelling.get(id) ?? null);
    });
  }

  private one<E extends ObjectLiteral, K extends keyof E & string>(name: string, entity: EntityTarget<E>, key: K): DataLoader<string, E | null> {
    return requestLoader(`tenancies:${name}`, async (keys: readonly string[]) => {
      const repository = await this.transactions.repository(entity);
      const rows = await repository.findBy({ [key]: In([...keys]) } as FindOptionsWhere<E>);
      const byKey = new Map(rows.map((row) => [row[key] as string, row]));
      return keys.map((k) => byKey.get(k) ?? null);
    });
  }

  private many<E extends ObjectLiteral, K extends keyof E & string>(
    name: string,
    entity: EntityTarget<E>,
    key: K,
    where: FindOptionsWhere<E>,
    order: FindOptionsOrder<E>,
  ): DataLoader<string, E[]> {
    return requestLoader(`tenancies:${name}`, async (keys: readonly string[]) => {
      const repository = await this.transactions.repository(entity);
      const rows = await repository.find({ where: { ...where, [key]: In([...keys]) }, order });
      const byKey = new Map<string, E[]>();
      for (const row of rows) append(byKey, row[key] as string, row);
      return keys.map((k) => byKey.get(k) ?? []);
    });
  }
}

function append<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
