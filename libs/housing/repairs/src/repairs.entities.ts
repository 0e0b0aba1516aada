import { Column, Entity, Generated, PrimaryColumn } from 'typeorm';

// The value lists below mirror the CHECK constraints of the repairs migration; keep them together.
export const TRADES = [
  'general', 'plumbing', 'heating', 'gas', 'electrical', 'carpentry', 'roofing', 'plastering', 'decorating', 'glazing',
  'drainage', 'damp_and_mould', 'brickwork', 'fencing', 'groundworks', 'locksmith', 'pest_control', 'lift', 'asbestos', 'other',
] as const;
export type Trade = (typeof TRADES)[number];

export const WORK_ORDER_STATUSES = [
  'raised', 'assigned', 'scheduled', 'in_progress', 'on_hold', 'completed', 'inspected', 'cancelled',
] as const;
export type WorkOrderStatusValue = (typeof WORK_ORDER_STATUSES)[number];

export const REPAIR_STATUSES = ['reported', 'triaged', 'cancelled'] as const;
export type RepairStatus = (typeof REPAIR_STATUSES)[number];

export const REPORTED_BY_KINDS = ['staff', 'partner', 'resident'] as const;
export type ReportedByKind = (typeof REPORTED_BY_KINDS)[number];

export const APPOINTMENT_SLOTS = ['am', 'pm', 'all_day', 'evening'] as const;
export type AppointmentSlot = (typeof APPOINTMENT_SLOTS)[number];

export const HAZARD_TYPES = [
  'damp_and_mould', 'excess_cold', 'excess_heat', 'fire', 'electrical', 'gas', 'carbon_monoxide', 'structural', 'falls',
  'water_supply', 'hygiene', 'asbestos', 'other',
] as const;
export type HazardType = (typeof HAZARD_TYPES)[number];

export const HAZARD_SEVERITIES = ['emergency', 'significant'] as const;
export type HazardSeverity = (typeof HAZARD_SEVERITIES)[number];

export const HAZARD_CLOCKS = [
  'emergency_make_safe', 'investigate', 'written_summary', 'safety_work', 'preventative_work_begin', 'preventative_work_start',
] as const;
export type HazardClockKind = (typeof HAZARD_CLOCKS)[number];

/** pg returns bigint as a string; the values kept in these columns (pence, numbers) fit a JS number exactly. */
const bigintAsNumber = { to: (v: number | null | undefined) => v, from: (v: string | null) => (v === null ? null : Number(v)) };
/** pg returns numeric as a string; quantities have two decimals at most. */
const numericAsNumber = bigintAsNumber;

@Entity({ schema: 'hearth', name: 'sor_code' })
export class SorCodeEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'text' }) trade!: Trade;
  @Column({ name: 'default_priority', type: 'text' }) defaultPriority!: string;
  @Column({ name: 'cost_pence', type: 'bigint', transformer: bigintAsNumber }) costPence!: number;
  @Column({ name: 'standard_minutes', type: 'integer' }) standardMinutes!: number;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}

@Entity({ schema: 'hearth', name: 'contractor' })
export class ContractorEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ type: 'uuid' }) @Generated('uuid') id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', array: true }) trades!: Trade[];
  @Column({ type: 'text', nullable: true }) email!: string | null;
  @Column({ type: 'text', nullable: true }) phone!: string | null;
  /** The Keycloak client (token azp) the contractor's system signs in as. */
  @Column({ name: 'partner_client_id', type: 'text', nullable: true }) partnerClientId!: string | null;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}

@Entity({ schema: 'hearth', name: 'hazard_case' })
export class HazardCaseEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ type: 'uuid' }) @Generated('uuid') id!: string;
  @Column({ type: 'bigint', default: () => `nextval('hearth.hazard_case_number_seq')`, transformer: bigintAsNumber }) number!: number;
  @Column({ name: 'asset_id', type: 'uuid' }) assetId!: string;
  @Column({ name: 'hazard_type', type: 'text' }) hazardType!: HazardType;
  @Column({ type: 'text' }) severity!: HazardSeverity;
  @Column({ type: 'text' }) description!: string;
  @Column({ name: 'aware_at', type: 'timestamptz' }) awareAt!: Date;
  @Column({ name: 'reported_by', type: 'text' }) reportedBy!: string;
  @Column({ name: 'investigated_at', type: 'timestamptz', nullable: true }) investigatedAt!: Date | null;
  @Column({ name: 'investigation_findings', type: 'text', nullable: true }) investigationFindings!: string | null;
  @Column({ type: 'text', default: 'open' }) status!: 'open' | 'closed';
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ name: 'closure_reason', type: 'text', nullable: true }) closureReason!: string | null;
  @Column({ name: 'alternative_accommodation_offered_at', type: 'timestamptz', nullable: true }) alternativeAccommodationOfferedAt!: Date | null;
  @Column({ name: 'alternative_accommodation_note', type: 'text', nullable: true }) alternativeAccommodationNote!: string | null;
  @Column({ name: 'alternative_accommodation_accepted', type: 'boolean', nullable: true }) alternativeAccommodationAccepted!: boolean | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}

@Entity({ schema: 'hearth', name: 'hazard_clock' })
export class HazardClockEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ name: 'hazard_case_id', type: 'uuid' }) hazardCaseId!: string;
  @PrimaryColumn({ type: 'text' }) clock!: HazardClockKind;
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true }) dueAt!: Date | null;
  @Column({ name: 'met_at', type: 'timestamptz', nullable: true }) metAt!: Date | null;
  @Column({ name: 'missed_at', type: 'timestamptz', nullable: true }) missedAt!: Date | null;
  @Column({ name: 'waived_reason', type: 'text', nullable: true }) waivedReason!: string | null;
}

@Entity({ schema: 'hearth', name: 'repair' })
export class RepairEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ type: 'uuid' }) @Generated('uuid') id!: string;
  @Column({ type: 'bigint', default: () => `nextval('hearth.repair_number_seq')`, transformer: bigintAsNumber }) number!: number;
  @Column({ name: 'asset_id', type: 'uuid' }) assetId!: string;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'text', nullable: true }) location!: string | null;
  @Column({ name: 'reported_at', type: 'timestamptz', default: () => 'now()' }) reportedAt!: Date;
  @Column({ name: 'reported_by_kind', type: 'text' }) reportedByKind!: ReportedByKind;
  @Column({ name: 'reported_by', type: 'text' }) reportedBy!: string;
  @Column({ name: 'reporter_name', type: 'text', nullable: true }) reporterName!: string | null;
  @Column({ name: 'reporter_phone', type: 'text', nullable: true }) reporterPhone!: string | null;
  @Column({ type: 'text', default: 'reported' }) status!: RepairStatus;
  @Column({ type: 'text', nullable: true }) priority!: string | null;
  @Column({ type: 'text', nullable: true }) trade!: Trade | null;
  @Column({ name: 'triaged_at', type: 'timestamptz', nullable: true }) triagedAt!: Date | null;
  @Column({ name: 'triaged_by', type: 'text', nullable: true }) triagedBy!: string | null;
  @Column({ name: 'hazard_case_id', type: 'uuid', nullable: true }) hazardCaseId!: string | null;
  @Column({ name: 'cancelled_reason', type: 'text', nullable: true }) cancelledReason!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}

@Entity({ schema: 'hearth', name: 'work_order' })
export class WorkOrderEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ type: 'uuid' }) @Generated('uuid') id!: string;
  @Column({ type: 'bigint', default: () => `nextval('hearth.work_order_number_seq')`, transformer: bigintAsNumber }) number!: number;
  @Column({ name: 'repair_id', type: 'uuid' }) repairId!: string;
  @Column({ type: 'text', default: 'raised' }) status!: WorkOrderStatusValue;
  @Column({ type: 'text' }) priority!: string;
  @Column({ type: 'boolean' }) emergency!: boolean;
  @Column({ type: 'text' }) trade!: Trade;
  /** Null while with the in-house team. */
  @Column({ name: 'contractor_id', type: 'uuid', nullable: true }) contractorId!: string | null;
  @Column({ name: 'raised_at', type: 'timestamptz', default: () => 'now()' }) raisedAt!: Date;
  @Column({ name: 'target_at', type: 'timestamptz' }) targetAt!: Date;
  @Column({ name: 'warn_at', type: 'timestamptz' }) warnAt!: Date;
  @Column({ name: 'on_hold_reason', type: 'text', nullable: true }) onHoldReason!: string | null;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt!: Date | null;
  @Column({ name: 'completion_notes', type: 'text', nullable: true }) completionNotes!: string | null;
  @Column({ name: 'inspected_at', type: 'timestamptz', nullable: true }) inspectedAt!: Date | null;
  @Column({ name: 'cancelled_reason', type: 'text', nullable: true }) cancelledReason!: string | null;
  @Column({ name: 'approaching_notified_at', type: 'timestamptz', nullable: true }) approachingNotifiedAt!: Date | null;
  @Column({ name: 'breach_notified_at', type: 'timestamptz', nullable: true }) breachNotifiedAt!: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}

@Entity({ schema: 'hearth', name: 'work_order_line' })
export class WorkOrderLineEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ name: 'work_order_id', type: 'uuid' }) workOrderId!: string;
  @PrimaryColumn({ name: 'line_no', type: 'smallint' }) lineNo!: number;
  @Column({ name: 'sor_code', type: 'text' }) sorCode!: string;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'numeric', precision: 10, scale: 2, transformer: numericAsNumber }) quantity!: number;
  @Column({ name: 'unit_cost_pence', type: 'bigint', transformer: bigintAsNumber }) unitCostPence!: number;
  @Column({ name: 'standard_minutes', type: 'integer' }) standardMinutes!: number;
}

@Entity({ schema: 'hearth', name: 'work_order_transition' })
export class WorkOrderTransitionEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ type: 'uuid' }) @Generated('uuid') id!: string;
  @Column({ name: 'work_order_id', type: 'uuid' }) workOrderId!: string;
  /** Null for the row recording that the work order was raised. */
  @Column({ name: 'from_status', type: 'text', nullable: true }) fromStatus!: WorkOrderStatusValue | null;
  @Column({ name: 'to_status', type: 'text' }) toStatus!: WorkOrderStatusValue;
  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' }) occurredAt!: Date;
  @Column({ name: 'actor_kind', type: 'text' }) actorKind!: string;
  @Column({ name: 'actor_id', type: 'text' }) actorId!: string;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
}

@Entity({ schema: 'hearth', name: 'appointment' })
export class AppointmentEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ type: 'uuid' }) @Generated('uuid') id!: string;
  @Column({ name: 'work_order_id', type: 'uuid' }) workOrderId!: string;
  @Column({ type: 'date' }) day!: string;
  @Column({ type: 'text' }) slot!: AppointmentSlot;
  @Column({ name: 'booked_at', type: 'timestamptz', default: () => 'now()' }) bookedAt!: Date;
  @Column({ name: 'booked_by', type: 'text' }) bookedBy!: string;
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt!: Date | null;
}

@Entity({ schema: 'hearth', name: 'work_order_attachment' })
export class WorkOrderAttachmentEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ name: 'work_order_id', type: 'uuid' }) workOrderId!: string;
  @PrimaryColumn({ name: 'file_id', type: 'uuid' }) fileId!: string;
  @Column({ name: 'added_at', type: 'timestamptz', default: () => 'now()' }) addedAt!: Date;
  @Column({ name: 'added_by', type: 'text' }) addedBy!: string;
}

@Entity({ schema: 'hearth', name: 'partner_message' })
export class PartnerMessageEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ name: 'client_id', type: 'text' }) clientId!: string;
  @PrimaryColumn({ name: 'message_id', type: 'text' }) messageId!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ name: 'body_sha256', type: 'text' }) bodySha256!: string;
  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' }) receivedAt!: Date;
  @Column({ type: 'jsonb' }) outcome!: Record<string, unknown>;
}

/** Every repairs table's entity, registered once by repairs/repairs.part.ts. */
export const REPAIRS_ENTITIES = [
  SorCodeEntity, ContractorEntity, HazardCaseEntity, HazardClockEntity, RepairEntity, WorkOrderEntity, WorkOrderLineEntity,
  WorkOrderTransitionEntity, AppointmentEntity, WorkOrderAttachmentEntity, PartnerMessageEntity,
];
