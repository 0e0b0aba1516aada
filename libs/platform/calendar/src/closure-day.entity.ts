import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A day a member's offices are shut although it is not a bank holiday: it is not a working day for the member's deadlines. */
@Entity({ schema: 'hearth', name: 'closure_day' })
export class ClosureDayEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  /** YYYY-MM-DD. */
  @PrimaryColumn({ type: 'date' })
  day!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
