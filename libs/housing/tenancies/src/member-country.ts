import { Injectable } from '@nestjs/common';
import { hearthContext, TenantEntity, TransactionManager, type Country } from '@hearth/platform-database';

const COUNTRY = Symbol('member country');

/** The UK nation whose housing law applies to the member: read once per unit of work from the shared member registry. */
@Injectable()
export class MemberCountry {
  constructor(private readonly transactions: TransactionManager) {}

  get(): Promise<Country> {
    const context = hearthContext.require();
    return context.memoize(COUNTRY, async () => {
      const members = await this.transactions.repository(TenantEntity);
      return (await members.findOneByOrFail({ id: context.requireTenantId() })).country;
    });
  }
}
