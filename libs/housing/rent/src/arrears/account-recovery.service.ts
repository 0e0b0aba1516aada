import { Injectable } from '@nestjs/common';
import { TransactionManager } from '@hearth/platform-database';
import { ModuleEnablement } from '@hearth/platform-kernel';
import { ArrearsStageEntryEntity, IncomeTaskEntity } from '../rent.entities';
import type { RentSettings } from '../rent.settings';
import { IncomeTask, type ArrearsStageEntry } from './recovery.model';

/**
 * An account's recovery as its page shows it: every stage it has been at, and the open work on
 * it. Batched per request (one query per page of accounts), index-backed by the account.
 */
@Injectable()
export class AccountRecoveryService {
  constructor(
    private readonly transactions: TransactionManager,
    private readonly enablement: ModuleEnablement,
  ) {}

  /** Each account's stage entries, newest first, named by the member's current settings. */
  async historyOf(accountIds: readonly string[]): Promise<ArrearsStageEntry[][]> {
    const rows = await (await this.transactions.repository(ArrearsStageEntryEntity)).createQueryBuilder('e')
      .where('e.account_id = any(:ids::uuid[])', { ids: accountIds })
      .orderBy('e.entered_at', 'DESC').addOrderBy('e.id').getMany();
    const { recoveryStages } = await this.enablement.settings<RentSettings & Record<string, unknown>>('rent');
    const names = new Map(recoveryStages.map((stage) => [stage.code, stage.name]));
    return accountIds.map((accountId) =>
      rows.filter((row) => row.accountId === accountId).map((row) => ({ ...row, name: names.get(row.stage) ?? null })),
    );
  }

  /** Each account's open income tasks, soonest due first. */
  async openTasksOf(accountIds: readonly string[]): Promise<IncomeTask[][]> {
    const rows = await (await this.transactions.repository(IncomeTaskEntity)).createQueryBuilder('t')
      .where(`t.account_id = any(:ids::uuid[]) and t.status = 'open'`, { ids: accountIds })
      .orderBy('t.due_on').addOrderBy('t.id').getMany();
    return accountIds.map((accountId) => rows.filter((row) => row.accountId === accountId).map(IncomeTask.from));
  }
}
