import { Injectable } from '@nestjs/common';
import { TransactionManager } from '@hearth/platform-database';
import {
  privateDataProbeParameters, privateDataProbeQuery, type PrivateDataProbe, type PrivateDataProbeFinding, type PrivateDataText,
} from '@hearth/platform-kernel';

/**
 * The payment references of the member's rent accounts, looked for in configuration about to be
 * published: a letter template could carry one from a real case. The texts are cut into tokens
 * and hash-joined with the accounts in one statement, under the member's row-level security.
 */
@Injectable()
export class PaymentReferenceProbe implements PrivateDataProbe {
  readonly kind = 'payment_reference';

  constructor(private readonly transactions: TransactionManager) {}

  async find(texts: readonly PrivateDataText[]): Promise<PrivateDataProbeFinding | undefined> {
    if (!texts.length) return undefined;
    const [finding] = await this.transactions.query<{ index: number; path: string; found: string }>(
      privateDataProbeQuery(`select t.ord, t.path, r.payment_reference from tokens t join hearth.rent_account r on r.payment_reference = t.token`),
      privateDataProbeParameters(texts),
    );
    return finding && { ...finding, kind: this.kind };
  }
}
