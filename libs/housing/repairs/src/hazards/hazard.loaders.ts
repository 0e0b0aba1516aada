import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { In } from 'typeorm';
import { TransactionManager } from '@hearth/platform-database';
import { requestLoader } from '@hearth/platform-graphql';
import { AssetEntity } from '@hearth/housing-assets';
import { HazardClockEntity, RepairEntity } from '../repairs.entities';

/** A page of cases' relations, one query per relation asked for (per-request DataLoaders). */
@Injectable()
export class HazardLoaders {
  constructor(private readonly transactions: TransactionManager) {}

  clocksOf(): DataLoader<string, HazardClockEntity[]> {
    return requestLoader('repairs:hazardClocksOf', async (caseIds: readonly string[]) => {
      const rows = await (await this.transactions.repository(HazardClockEntity)).findBy({ hazardCaseId: In([...caseIds]) });
      return caseIds.map((id) => rows.filter((row) => row.hazardCaseId === id));
    });
  }

  repairsOf(): DataLoader<string, RepairEntity[]> {
    return requestLoader('repairs:repairsOfHazard', async (caseIds: readonly string[]) => {
      const rows = await (await this.transactions.repository(RepairEntity)).find({ where: { hazardCaseId: In([...caseIds]) }, order: { reportedAt: 'ASC' } });
      return caseIds.map((id) => rows.filter((row) => row.hazardCaseId === id));
    });
  }

  /** Assets are the assets module's; repairs reads them (ADR 9). */
  asset(): DataLoader<string, AssetEntity | null> {
    return requestLoader('repairs:hazardAsset', async (assetIds: readonly string[]) => {
      const rows = await (await this.transactions.repository(AssetEntity)).findBy({ id: In([...assetIds]) });
      return assetIds.map((id) => rows.find((row) => row.id === id) ?? null);
    });
  }
}
