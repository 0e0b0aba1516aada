import { Column, Entity, Generated, PrimaryColumn } from 'typeorm';

// The value lists below mirror the CHECK constraints of the rent migration; keep them together.
export const CHARGE_TYPES = ['rent', 'service_charge', 'other'] as const;
export type ChargeType = (typeof CHARGE_TYPES)[number];

export const TRANSACTION_KINDS = ['charge', 'payment', 'refund', 'transfer_in', 'transfer_out', 'adjustment'] as const;
export type TransactionKind = (typeof TRANSACTION_KINDS)[number];

export const PAYMENT_CHANNELS = [
  'bank', 'card', 'direct_debit', 'standing_order', 'housing_benefit', 'universal_credit', 'cash', 'cheque', 'other',
] as const;
export type PaymentChannel = (typeof PAYMENT_CHANNELS)[number];

export const PAYMENT_SOURCES = ['file', 'partner', 'staff'] as const;
export type PaymentSource = (typeof PAYMENT_SOURCES)[number];

export const ACCOUNT_FREQUENCIES = ['weekly', 'monthly'] as const;
export type AccountFrequency = (typeof ACCOUNT_FREQUENCIES)[number];

/** Weeks of the rent year a weekly account is charged: 52, or 50 or 48 with the member's rent-free weeks. */
export const CHARGE_WEEKS = [52, 50, 48] as const;
export type ChargeWeeks = (typeof CHARGE_WEEKS)[number];

export const RENT_RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type RentRunStatus = (typeof RENT_RUN_STATUSES)[number];

export const LETTER_LANGUAGES = ['en', 'cy'] as const;
export type LetterLanguage = (typeof LETTER_LANGUAGES)[number];

export const ARRANGEMENT_FREQUENCIES = ['weekly', 'fortnightly', 'monthly'] as const;
export type ArrangementFrequency = (typeof ARRANGEMENT_FREQUENCIES)[number];

export const ARRANGEMENT_STATUSES = ['active', 'broken', 'completed', 'cancelled'] as const;
export type ArrangementStatus = (typeof ARRANGEMENT_STATUSES)[number];

export const INCOME_TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type IncomeTaskStatus = (typeof INCOME_TASK_STATUSES)[number];

/** pg returns bigint as a string; pence kept in these columns fit a JS number exactly. */
const bigintAsNumber = { to: (v: number | null | undefined) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

@Entity({ schema: 'hearth', name: 'rent_account' })
export class RentAccountEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ type: 'uuid' }) @Generated('uuid') id!: string;
  @Column({ name: 'tenancy_id', type: 'uuid' }) tenancyId!: string;
  @Column({ name: 'payment_reference', type: 'text' }) paymentReference!: string;
  @Column({ type: 'text' }) frequency!: AccountFrequency;
  /** Weekly accounts only. */
  @Column({ name: 'charge_weeks', type: 'smallint', nullable: true }) chargeWeeks!: ChargeWeeks | null;
  @Column({ name: 'opened_on', type: 'date' }) openedOn!: string;
  @Column({ name: 'closed_on', type: 'date', nullable: true }) closedOn!: string | null;
  /** Kept by the ledger's trigger: read it, never write it (`insert: false, update: false`). */
  @Column({ name: 'balance_pence', type: 'bigint', default: 0, insert: false, update: false, transformer: bigintAsNumber }) balancePence!: number;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}

@Entity({ schema: 'hearth', name: 'rent_charge_schedule' })
export class RentChargeScheduleEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ name: 'account_id', type: 'uuid' }) accountId!: string;
  @PrimaryColumn({ name: 'charge_type', type: 'text' }) chargeType!: ChargeType;
  @PrimaryColumn({ name: 'effective_from', type: 'date' }) effectiveFrom!: string;
  /** Per charged week for a weekly account, per month for a monthly one. */
  @Column({ name: 'amount_pence', type: 'bigint', transformer: bigintAsNumber }) amountPence!: number;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'created_by', type: 'text' }) createdBy!: string;
}

@Entity({ schema: 'hearth', name: 'rent_run' })
export class RentRunEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ type: 'uuid' }) @Generated('uuid') id!: string;
  @Column({ type: 'text' }) frequency!: AccountFrequency;
  @Column({ name: 'period_start', type: 'date' }) periodStart!: string;
  @Column({ name: 'period_end', type: 'date' }) periodEnd!: string;
  @Column({ name: 'dry_run', type: 'boolean', default: false }) dryRun!: boolean;
  @Column({ type: 'text', default: 'queued' }) status!: RentRunStatus;
  @Column({ type: 'integer', nullable: true }) accounts!: number | null;
  @Column({ name: 'charges_posted', type: 'integer', nullable: true }) chargesPosted!: number | null;
  @Column({ name: 'charges_already_posted', type: 'integer', nullable: true }) chargesAlreadyPosted!: number | null;
  @Column({ name: 'total_pence', type: 'bigint', nullable: true, transformer: bigintAsNumber }) totalPence!: number | null;
  @Column({ type: 'text', nullable: true }) error!: string | null;
  @Column({ name: 'started_by', type: 'text' }) startedBy!: string;
  @Column({ name: 'queued_at', type: 'timestamptz', default: () => 'now()' }) queuedAt!: Date;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt!: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
}

@Entity({ schema: 'hearth', name: 'payment' })
export class PaymentEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ type: 'uuid' }) @Generated('uuid') id!: string;
  @Column({ type: 'text' }) source!: PaymentSource;
  @Column({ type: 'text' }) channel!: PaymentChannel;
  /** As the payer gave it. */
  @Column({ name: 'payment_reference', type: 'text', nullable: true }) paymentReference!: string | null;
  @Column({ name: 'amount_pence', type: 'bigint', transformer: bigintAsNumber }) amountPence!: number;
  @Column({ name: 'received_on', type: 'date' }) receivedOn!: string;
  @Column({ name: 'external_id', type: 'text', nullable: true }) externalId!: string | null;
  @Column({ name: 'client_id', type: 'text', nullable: true }) clientId!: string | null;
  @Column({ name: 'idempotency_key', type: 'text', nullable: true }) idempotencyKey!: string | null;
  @Column({ name: 'request_sha256', type: 'text', nullable: true }) requestSha256!: string | null;
  @Column({ name: 'import_run_id', type: 'uuid', nullable: true }) importRunId!: string | null;
  /** Null while in suspense. */
  @Column({ name: 'account_id', type: 'uuid', nullable: true }) accountId!: string | null;
  @Column({ name: 'allocated_at', type: 'timestamptz', nullable: true }) allocatedAt!: Date | null;
  @Column({ name: 'allocated_by', type: 'text', nullable: true }) allocatedBy!: string | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'created_by', type: 'text' }) createdBy!: string;
}

/** The ledger: append-only (insert it; never save an existing row, the database refuses). */
@Entity({ schema: 'hearth', name: 'rent_transaction' })
export class RentTransactionEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ type: 'uuid' }) @Generated('uuid') id!: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId!: string;
  @Column({ type: 'text' }) kind!: TransactionKind;
  /** Signed from the member's side: positive is owed (a charge), negative is paid. */
  @Column({ name: 'amount_pence', type: 'bigint', transformer: bigintAsNumber }) amountPence!: number;
  @Column({ name: 'effective_on', type: 'date' }) effectiveOn!: string;
  @Column({ name: 'posted_at', type: 'timestamptz', default: () => 'now()' }) postedAt!: Date;
  @Column({ type: 'text' }) description!: string;
  @Column({ name: 'charge_type', type: 'text', nullable: true }) chargeType!: ChargeType | null;
  @Column({ name: 'period_start', type: 'date', nullable: true }) periodStart!: string | null;
  @Column({ name: 'period_end', type: 'date', nullable: true }) periodEnd!: string | null;
  @Column({ name: 'rent_run_id', type: 'uuid', nullable: true }) rentRunId!: string | null;
  @Column({ name: 'payment_id', type: 'uuid', nullable: true }) paymentId!: string | null;
  @Column({ name: 'pair_id', type: 'uuid', nullable: true }) pairId!: string | null;
  @Column({ name: 'posted_by', type: 'text' }) postedBy!: string;
}

@Entity({ schema: 'hearth', name: 'arrears_stage_entry' })
export class ArrearsStageEntryEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ type: 'uuid' }) @Generated('uuid') id!: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId!: string;
  /** A recovery stage code from the member's settings. */
  @Column({ type: 'text' }) stage!: string;
  @Column({ name: 'entered_at', type: 'timestamptz', default: () => 'now()' }) enteredAt!: Date;
  @Column({ name: 'left_at', type: 'timestamptz', nullable: true }) leftAt!: Date | null;
  @Column({ name: 'balance_pence', type: 'bigint', transformer: bigintAsNumber }) balancePence!: number;
  @Column({ name: 'entered_by', type: 'text' }) enteredBy!: string;
}

@Entity({ schema: 'hearth', name: 'rent_letter' })
export class RentLetterEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ type: 'uuid' }) @Generated('uuid') id!: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId!: string;
  @Column({ name: 'stage_entry_id', type: 'uuid', nullable: true }) stageEntryId!: string | null;
  @Column({ type: 'text' }) template!: string;
  @Column({ type: 'text' }) language!: LetterLanguage;
  @Column({ type: 'text' }) addressee!: string;
  @Column({ type: 'text' }) subject!: string;
  @Column({ type: 'text' }) body!: string;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
}

@Entity({ schema: 'hearth', name: 'payment_arrangement' })
export class PaymentArrangementEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ type: 'uuid' }) @Generated('uuid') id!: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId!: string;
  @Column({ name: 'instalment_pence', type: 'bigint', transformer: bigintAsNumber }) instalmentPence!: number;
  @Column({ type: 'text' }) frequency!: ArrangementFrequency;
  @Column({ name: 'starts_on', type: 'date' }) startsOn!: string;
  @Column({ name: 'arrears_pence', type: 'bigint', transformer: bigintAsNumber }) arrearsPence!: number;
  @Column({ type: 'text', default: 'active' }) status!: ArrangementStatus;
  @Column({ name: 'broken_at', type: 'timestamptz', nullable: true }) brokenAt!: Date | null;
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true }) endedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'created_by', type: 'text' }) createdBy!: string;
}

@Entity({ schema: 'hearth', name: 'arrangement_instalment' })
export class ArrangementInstalmentEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ name: 'arrangement_id', type: 'uuid' }) arrangementId!: string;
  @PrimaryColumn({ name: 'due_on', type: 'date' }) dueOn!: string;
  @Column({ name: 'amount_pence', type: 'bigint', transformer: bigintAsNumber }) amountPence!: number;
}

@Entity({ schema: 'hearth', name: 'income_task' })
export class IncomeTaskEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ type: 'uuid' }) @Generated('uuid') id!: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId!: string;
  @Column({ name: 'stage_entry_id', type: 'uuid', nullable: true }) stageEntryId!: string | null;
  @Column({ name: 'arrangement_id', type: 'uuid', nullable: true }) arrangementId!: string | null;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text' }) description!: string;
  @Column({ name: 'due_on', type: 'date' }) dueOn!: string;
  @Column({ type: 'text', default: 'open' }) status!: IncomeTaskStatus;
  @Column({ name: 'done_at', type: 'timestamptz', nullable: true }) doneAt!: Date | null;
  @Column({ name: 'done_by', type: 'text', nullable: true }) doneBy!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
}

/** Every rent table's entity, registered once by accounts/accounts.part.ts. */
export const RENT_ENTITIES = [
  RentAccountEntity, RentChargeScheduleEntity, RentRunEntity, PaymentEntity, RentTransactionEntity, ArrearsStageEntryEntity,
  RentLetterEntity, PaymentArrangementEntity, ArrangementInstalmentEntity, IncomeTaskEntity,
];
