import { Injectable } from '@nestjs/common';
import { AuditLog, hearthContext, TransactionManager } from '@hearth/platform-database';
import { DEFAULT_PAGE_SIZE, InputProblem, toConnection, type PageArgs } from '@hearth/platform-graphql';
import { ContractorEntity } from '../repairs.entities';
import { cursorValues } from '../repairs/cursors';
import { Contractor, ContractorInvalid, ContractorNameTaken, ContractorNotFound, type ContractorConnection, type ContractorFailure } from './contractor.model';
import type { ContractorsFilter, CreateContractorInput, UpdateContractorInput } from './dto/contractor.input';

@Injectable()
export class ContractorService {
  constructor(
    private readonly transactions: TransactionManager,
    private readonly audit: AuditLog,
  ) {}

  /** Contractors by name (any case), paged by key on contractor_by_name. */
  async list(filter: ContractorsFilter, args: PageArgs): Promise<ContractorConnection> {
    const query = (await this.transactions.repository(ContractorEntity)).createQueryBuilder('c');
    if (filter.trade) query.andWhere(':trade = any(c.trades)', { trade: filter.trade });
    if (filter.active !== undefined) query.andWhere('c.active = :active', { active: filter.active });
    const total = await query.getCount();
    if (args.after) {
      const [name, id] = cursorValues(args.after, ['text', 'uuid']);
      query.andWhere('(lower(c.name), c.id) > (:name, :id::uuid)', { name, id });
    }
    const rows = await query.orderBy('lower(c.name)').addOrderBy('c.id').limit((args.first ?? DEFAULT_PAGE_SIZE) + 1).getMany();
    return toConnection(rows.map(Contractor.from), args, total, (c) => [c.name.toLowerCase(), c.id]);
  }

  async find(id: string): Promise<ContractorEntity | null> {
    return (await this.transactions.repository(ContractorEntity)).findOneBy({ id });
  }

  async create(input: CreateContractorInput): Promise<Contractor | ContractorFailure> {
    const clash = await this.clash(input.name, input.partnerClientId ?? null, null);
    if (clash) return clash;
    const repository = await this.transactions.repository(ContractorEntity);
    const entity = await repository.save(repository.create({
      tenantId: hearthContext.require().requireTenantId(),
      name: input.name, trades: input.trades, email: input.email ?? null, phone: input.phone ?? null,
      partnerClientId: input.partnerClientId ?? null, active: true,
    }));
    const contractor = Contractor.from(entity);
    await this.audit.record({ operation: 'createContractor', targetType: 'contractor', targetId: entity.id, after: contractor });
    return contractor;
  }

  async update(input: UpdateContractorInput): Promise<Contractor | ContractorFailure> {
    const entity = await this.lock(input.id);
    if (!entity) return ContractorNotFound.of(input.id);
    const { id: _id, ...changes } = input;
    const nulls = (['name', 'trades', 'active'] as const).filter((field) => field in changes && changes[field] === null);
    if (nulls.length) return ContractorInvalid.of(nulls.map((field) => InputProblem.of(field, `${field} cannot be cleared`)));
    const clash = await this.clash(changes.name ?? entity.name, 'partnerClientId' in changes ? changes.partnerClientId ?? null : entity.partnerClientId, entity.id);
    if (clash) return clash;
    return this.save(entity, changes, 'updateContractor');
  }

  /** Keeps its work orders; it is given no new ones. */
  async deactivate(id: string): Promise<Contractor | ContractorFailure> {
    const entity = await this.lock(id);
    if (!entity) return ContractorNotFound.of(id);
    return this.save(entity, { active: false }, 'deactivateContractor');
  }

  private async save(entity: ContractorEntity, changes: Partial<ContractorEntity>, operation: string): Promise<Contractor> {
    const before = Contractor.from(entity);
    Object.assign(entity, changes, { updatedAt: new Date() });
    await (await this.transactions.repository(ContractorEntity)).save(entity);
    const after = Contractor.from(entity);
    await this.audit.record({ operation, targetType: 'contractor', targetId: entity.id, before, after });
    return after;
  }

  /** Another contractor with the name (any case), or the partner client: what the unique indexes would refuse. */
  private async clash(name: string, partnerClientId: string | null, exceptId: string | null): Promise<ContractorFailure | null> {
    const sameName = await (await this.transactions.repository(ContractorEntity)).createQueryBuilder('c')
      .where('lower(c.name) = lower(:name) and c.id is distinct from :exceptId::uuid', { name, exceptId })
      .getOne();
    if (sameName) return ContractorNameTaken.of(Contractor.from(sameName));
    if (partnerClientId) {
      const [sameClient] = await this.transactions.query<{ name: string }>(
        `select name from hearth.contractor where partner_client_id = $1 and id is distinct from $2::uuid`,
        [partnerClientId, exceptId],
      );
      if (sameClient) {
        return ContractorInvalid.of([InputProblem.of('partnerClientId', `Client ${partnerClientId} already belongs to contractor ${sameClient.name}`)]);
      }
    }
    return null;
  }

  private async lock(id: string): Promise<ContractorEntity | null> {
    return (await this.transactions.repository(ContractorEntity)).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }
}
