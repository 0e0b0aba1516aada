import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { In, IsNull, type EntityTarget, type FindOptionsOrder, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';
import { TransactionManager } from '@hearth/platform-database';
import { requestLoader } from '@hearth/platform-graphql';
import { AssetEntity } from '@hearth/housing-assets';
import {
  AppointmentEntity, ContractorEntity, RepairEntity, WorkOrderAttachmentEntity, WorkOrderEntity, WorkOrderLineEntity, WorkOrderTransitionEntity,
} from '../repairs.entities';

/**
 * Repairs' relations, each loaded for a whole page at once through a per-request DataLoader:
 * a page of 50 work orders costs one query per relation asked for, not 50.
 */
@Injectable()
export class RepairsLoaders {
  constructor(private readonly transactions: TransactionManager) {}

  /** Assets are the assets module's; repairs read them (ADR 9). */
  asset(): DataLoader<string, AssetEntity | null> {
    return this.one('asset', AssetEntity, 'id');
  }

  repair(): DataLoader<string, RepairEntity | null> {
    return this.one('repair', RepairEntity, 'id');
  }

  contractor(): DataLoader<string, ContractorEntity | null> {
    return this.one('contractor', ContractorEntity, 'id');
  }

  workOrdersOf(): DataLoader<string, WorkOrderEntity[]> {
    return this.many('workOrdersOf', WorkOrderEntity, 'repairId', {}, { raisedAt: 'ASC', number: 'ASC' });
  }

  linesOf(): DataLoader<string, WorkOrderLineEntity[]> {
    return this.many('linesOf', WorkOrderLineEntity, 'workOrderId', {}, { lineNo: 'ASC' });
  }

  transitionsOf(): DataLoader<string, WorkOrderTransitionEntity[]> {
    return this.many('transitionsOf', WorkOrderTransitionEntity, 'workOrderId', {}, { occurredAt: 'ASC', id: 'ASC' });
  }

  /** The live appointment of each work order (the appointment_live index allows at most one). */
  appointmentOf(): DataLoader<string, AppointmentEntity | null> {
    return requestLoader('repairs:appointmentOf', async (ids: readonly string[]) => {
      const rows = await (await this.transactions.repository(AppointmentEntity)).findBy({ workOrderId: In([...ids]), cancelledAt: IsNull() });
      const byOrder = new Map(rows.map((row) => [row.workOrderId, row]));
      return ids.map((id) => byOrder.get(id) ?? null);
    });
  }

  attachmentsOf(): DataLoader<string, WorkOrderAttachmentEntity[]> {
    return this.many('attachmentsOf', WorkOrderAttachmentEntity, 'workOrderId', {}, { addedAt: 'ASC', fileId: 'ASC' });
  }

  private one<E extends ObjectLiteral, K extends keyof E & string>(name: string, entity: EntityTarget<E>, key: K): DataLoader<string, E | null> {
    return requestLoader(`repairs:${name}`, async (keys: readonly string[]) => {
      const rows = await (await this.transactions.repository(entity)).findBy({ [key]: In([...keys]) } as FindOptionsWhere<E>);
      const byKey = new Map(rows.map((row) => [row[key] as string, row]));
      return keys.map((k) => byKey.get(k) ?? null);
    });
  }

  private many<E extends ObjectLiteral, K extends keyof E & string>(
    name: string, entity: EntityTarget<E>, key: K, where: FindOptionsWhere<E>, order: FindOptionsOrder<E>,
  ): DataLoader<string, E[]> {
    return requestLoader(`repairs:${name}`, async (keys: readonly string[]) => {
      const rows = await (await this.transactions.repository(entity)).find({ where: { ...where, [key]: In([...keys]) }, order });
      const byKey = new Map<string, E[]>();
      for (const row of rows) {
        const list = byKey.get(row[key] as string);
        if (list) list.push(row);
        else byKey.set(row[key] as string, [row]);
      }
      return keys.map((k) => byKey.get(k) ?? []);
    });
  }
}
