import { Injectable } from '@nestjs/common';
import { AuditLog, hearthContext, TransactionManager } from '@hearth/platform-database';
import { DEFAULT_PAGE_SIZE, InputProblem, toConnection, type PageArgs } from '@hearth/platform-graphql';
import { SorCodeEntity } from '../repairs.entities';
import { cursorValues } from './cursors';
import { RepairPriorities } from './repair-priorities';
import { SorCode, SorCodeInvalid, type SorCodeConnection } from './repairs.model';
import type { SaveSorCodeInput, SorCodesFilter } from './dto/sor-code.input';

@Injectable()
export class SorCodeService {
  constructor(
    private readonly transactions: TransactionManager,
    private readonly audit: AuditLog,
    private readonly priorities: RepairPriorities,
  ) {}

  /** The schedule of rates by code, paged by key on the primary key. */
  async list(filter: SorCodesFilter, args: PageArgs): Promise<SorCodeConnection> {
    const query = (await this.transactions.repository(SorCodeEntity)).createQueryBuilder('s');
    if (filter.trade) query.andWhere('s.trade = :trade', { trade: filter.trade });
    if (filter.active !== undefined) query.andWhere('s.active = :active', { active: filter.active });
    if (filter.search) {
      // A schedule of rates is a few thousand rows per member: a scan of them is cheap.
      const words = filter.search.toLowerCase().split(/\s+/);
      words.forEach((word, i) => query.andWhere(`strpos(lower(s.code || ' ' || s.description), :word${i}) > 0`, { [`word${i}`]: word }));
    }
    const total = await query.getCount();
    if (args.after) query.andWhere('s.code > :after', { after: cursorValues(args.after, ['text'])[0] });
    const rows = await query.orderBy('s.code').limit((args.first ?? DEFAULT_PAGE_SIZE) + 1).getMany();
    return toConnection(rows.map(SorCode.from), args, total, (sor) => [sor.code]);
  }

  /** Adds the code, or changes it when it exists. */
  async save(input: SaveSorCodeInput): Promise<SorCode | SorCodeInvalid> {
    const codes = await this.priorities.codes();
    if (!codes.includes(input.defaultPriority)) {
      return SorCodeInvalid.of([InputProblem.of('defaultPriority', `"${input.defaultPriority}" is not one of this member's priorities: ${codes.join(', ')}`)]);
    }
    const repository = await this.transactions.repository(SorCodeEntity);
    const existing = await repository.findOne({ where: { code: input.code }, lock: { mode: 'pessimistic_write' } });
    const before = existing ? SorCode.from(existing) : undefined;
    const entity = existing ?? repository.create({ tenantId: hearthContext.require().requireTenantId(), code: input.code });
    Object.assign(entity, {
      description: input.description, trade: input.trade, defaultPriority: input.defaultPriority,
      costPence: input.costPence, standardMinutes: input.standardMinutes, active: input.active, updatedAt: new Date(),
    });
    const after = SorCode.from(await repository.save(entity));
    await this.audit.record({ operation: 'saveSorCode', targetType: 'sor_code', targetId: input.code, before, after });
    return after;
  }
}
