import { Injectable } from '@nestjs/common';
import { TransactionManager } from '@hearth/platform-database';
import {
  privateDataProbeParameters, privateDataProbeQuery, probePhrase,
  type PrivateDataProbe, type PrivateDataProbeFinding, type PrivateDataText,
} from '@hearth/platform-kernel';

/**
 * The first address line (eight characters or more) and the postcode of each of the member's
 * dwellings with a current tenancy, looked for in configuration about to be published. The
 * tenancies module owns the join that makes a home occupied; it reads the dwellings of the assets
 * module it depends on (ADR 9). One hash join, under the member's row-level security.
 */
@Injectable()
export class OccupiedAddressProbe implements PrivateDataProbe {
  readonly kind = 'address';

  constructor(private readonly transactions: TransactionManager) {}

  async find(texts: readonly PrivateDataText[]): Promise<PrivateDataProbeFinding | undefined> {
    if (!texts.length) return undefined;
    const occupied = `(
        select a.address_line_1, a.postcode from hearth.asset a
        where a.kind = 'dwelling' and exists (
          select 1 from hearth.tenancy y where y.dwelling_id = a.id and y.start_date <= current_date and (y.end_date is null or y.end_date >= current_date)))`;
    const [finding] = await this.transactions.query<{ index: number; path: string; found: string }>(
      privateDataProbeQuery(`select g.ord, g.path, h.found from grams g join (
          select ${probePhrase('a.address_line_1')} as gram, a.address_line_1 as found from ${occupied} a where length(a.address_line_1) >= 8
          union all
          select ${probePhrase('a.postcode')}, a.postcode from ${occupied} a where a.postcode is not null
        ) h on h.gram = g.gram`),
      privateDataProbeParameters(texts),
    );
    return finding && { ...finding, kind: this.kind };
  }
}
