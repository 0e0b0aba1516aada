import { Injectable } from '@nestjs/common';
import { TenantEntity, TransactionManager } from '@hearth/platform-database';
import { decodeCursor, DEFAULT_PAGE_SIZE, toConnection, type ConnectionShape, type PageArgs } from '@hearth/platform-graphql';
import { Member } from '@hearth/platform-kernel';

/** Reads the consortium's member directory (the registry is shared, so no member is needed). */
@Injectable()
export class MemberService {
  constructor(private readonly transactions: TransactionManager) {}

  async list(args: PageArgs): Promise<ConnectionShape<Member>> {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const repository = await this.transactions.repository(TenantEntity);
    const query = repository.createQueryBuilder('t').orderBy('t.name').addOrderBy('t.id').limit(first + 1);
    if (args.after) {
      const [name, id] = decodeCursor(args.after, 2);
      query.where('(t.name, t.id::text) > (:name, :id)', { name, id });
    }
    const [rows, total] = await Promise.all([query.getMany(), repository.count()]);
    return toConnection(rows.map(Member.from), args, total, (m) => [m.name, m.id]);
  }
}
