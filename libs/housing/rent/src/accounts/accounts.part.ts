import type { ModulePart } from '@hearth/platform-kernel';
import { RENT_ENTITIES } from '../rent.entities';
import { RentAccountLoaders } from './accounts.loaders';
import { RentAccountResolver } from './accounts.resolver';
import { RentAccountService } from './accounts.service';
import { LedgerResolver } from './ledger.resolver';
import { Ledger } from './ledger.service';

/** What this area adds to the rent module. Every rent table's entity is registered here. */
export const accountsPart: ModulePart = {
  entities: RENT_ENTITIES,
  providers: [Ledger, RentAccountService, RentAccountLoaders],
  resolvers: [RentAccountResolver, LedgerResolver],
  exports: [Ledger, RentAccountService, RentAccountLoaders],
};
