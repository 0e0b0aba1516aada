import { Column, Entity, Generated, PrimaryColumn } from 'typeorm';

/**
 * An event written in the same transaction as the change it describes. The relay moves it
 * to BullMQ with the event id as the job id, so nothing is lost or duplicated in between.
 */
@Entity({ schema: 'hearth', name: 'outbox_event' })
export class OutboxEventEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn({ type: 'uuid' })
  @Generated('uuid')
  id!: string;

  /** Global order of writing, so consumers can keep per-resource order. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ name: 'aggregate_type', type: 'text' })
  aggregateType!: string;

  @Column({ name: 'aggregate_id', type: 'text' })
  aggregateId!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;

  @Column({ name: 'relayed_at', type: 'timestamptz', nullable: true })
  relayedAt!: Date | null;
}
