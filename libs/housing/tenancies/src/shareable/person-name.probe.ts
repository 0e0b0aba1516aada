import { Injectable } from '@nestjs/common';
import { TransactionManager } from '@hearth/platform-database';
import {
  privateDataProbeParameters, privateDataProbeQuery, probePhrase,
  type PrivateDataProbe, type PrivateDataProbeFinding, type PrivateDataText,
} from '@hearth/platform-kernel';

/**
 * The names of the member's people (given and family name, or title and family name), looked for
 * in configuration about to be published: the names a letter template could carry from a real
 * case. One hash join of the texts' runs of words with the member's people, under its row-level
 * security, so a SOR set of thousands of lines is checked against tens of thousands of people at once.
 */
@Injectable()
export class PersonNameProbe implements PrivateDataProbe {
  readonly kind = 'person_name';

  constructor(private readonly transactions: TransactionManager) {}

  async find(texts: readonly PrivateDataText[]): Promise<PrivateDataProbeFinding | undefined> {
    if (!texts.length) return undefined;
    const [finding] = await this.transactions.query<{ index: number; path: string; found: string }>(
      privateDataProbeQuery(`select g.ord, g.path, p.found from grams g join (
          select ${probePhrase(`given_name || ' ' || family_name`)} as gram, given_name || ' ' || family_name as found from hearth.person
          union all
          select ${probePhrase(`title || ' ' || family_name`)}, title || ' ' || family_name from hearth.person where title is not null
        ) p on p.gram = g.gram`),
      privateDataProbeParameters(texts),
    );
    return finding && { ...finding, kind: this.kind };
  }
}
