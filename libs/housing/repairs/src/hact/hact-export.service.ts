import { Injectable } from '@nestjs/common';
import { TransactionManager } from '@hearth/platform-database';
import type { AppointmentSlot, Trade } from '../repairs.entities';
import { RepairPriorities } from '../repairs/repair-priorities';
import { partnerClientId } from '../repairs/partner-scope';
import { toRaiseRepair, type RaiseRepair, type RaiseRepairSource } from './raise-repair.mapper';

interface SourceRow {
  id: string;
  number: string;
  emergency: boolean;
  trade: Trade;
  priority: string;
  target_at: Date;
  description: string;
  location: string | null;
  reported_at: Date;
  reporter_name: string | null;
  reporter_phone: string | null;
  asset_id: string;
  uprn: string | null;
  address_line_1: string | null;
  address_line_2: string | null;
  town: string | null;
  postcode: string | null;
  contractor_id: string | null;
  contractor_name: string | null;
  day: string | null;
  slot: AppointmentSlot | null;
  lines: RaiseRepairSource['lines'];
}

/** Reads a work order with what a contractor needs to do it, for the HACT RaiseRepair message. */
@Injectable()
export class HactExportService {
  constructor(
    private readonly transactions: TransactionManager,
    private readonly priorities: RepairPriorities,
  ) {}

  /** Null when there is no such work order, or (for a contractor) it is not assigned to the caller. */
  async raiseRepair(workOrderId: string): Promise<RaiseRepair | null> {
    // One statement: the asset's address and UPRN are the assets module's, read as ADR 9 allows.
    // Reporter name and phone only: a person's alerts and their notes never leave through this message.
    const [row] = await this.transactions.query<SourceRow>(
      `select wo.id, wo.number::text, wo.emergency, wo.trade, wo.priority, wo.target_at,
              r.description, r.location, r.reported_at, r.reporter_name, r.reporter_phone,
              a.id as asset_id, a.uprn::text, a.address_line_1, a.address_line_2, a.town, a.postcode,
              c.id as contractor_id, c.name as contractor_name, ap.day::text, ap.slot,
              coalesce((select json_agg(json_build_object('sorCode', l.sor_code, 'description', l.description,
                                                          'quantity', l.quantity, 'standardMinutes', l.standard_minutes) order by l.line_no)
                          from hearth.work_order_line l where l.tenant_id = wo.tenant_id and l.work_order_id = wo.id), '[]') as lines
         from hearth.work_order wo
         join hearth.repair r on r.tenant_id = wo.tenant_id and r.id = wo.repair_id
         join hearth.asset a on a.tenant_id = r.tenant_id and a.id = r.asset_id
         left join hearth.contractor c on c.tenant_id = wo.tenant_id and c.id = wo.contractor_id
         left join hearth.appointment ap on ap.tenant_id = wo.tenant_id and ap.work_order_id = wo.id and ap.cancelled_at is null
        where wo.id = $1 and ($2::text is null or c.partner_client_id = $2)`,
      [workOrderId, partnerClientId()],
    );
    if (!row) return null;
    const priority = await this.priorities.find(row.priority);
    return toRaiseRepair({
      workOrder: { id: row.id, number: Number(row.number), emergency: row.emergency, trade: row.trade, targetAt: row.target_at },
      priority: priority ? { hactPriority: priority.hactPriority } : null,
      repair: {
        description: row.description, location: row.location, reportedAt: row.reported_at,
        reporterName: row.reporter_name, reporterPhone: row.reporter_phone,
      },
      asset: {
        id: row.asset_id, uprn: row.uprn, addressLine1: row.address_line_1, addressLine2: row.address_line_2, town: row.town, postcode: row.postcode,
      },
      lines: row.lines.map((line) => ({ ...line, quantity: Number(line.quantity) })),
      appointment: row.day && row.slot ? { day: row.day, slot: row.slot } : null,
      contractor: row.contractor_id ? { id: row.contractor_id, name: row.contractor_name! } : null,
    });
  }
}
