import { Column, Entity, Generated, PrimaryColumn } from 'typeorm';

export type PartnerClientStatusValue = 'active' | 'suspended';
export type PartnerClientDirectoryKind = 'keycloak' | 'local';

/** A partner system a member registered: its OAuth client, the scopes it holds, its state. */
@Entity({ schema: 'hearth', name: 'partner_client' })
export class PartnerClientEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn({ type: 'uuid' })
  @Generated('uuid')
  id!: string;

  @Column({ name: 'client_id', type: 'text' })
  clientId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text', array: true })
  scopes!: string[];

  @Column({ type: 'text' })
  status!: PartnerClientStatusValue;

  @Column({ name: 'rate_limit_per_minute', type: 'integer', nullable: true })
  rateLimitPerMinute!: number | null;

  @Column({ type: 'text' })
  directory!: PartnerClientDirectoryKind;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ name: 'secret_rotated_at', type: 'timestamptz', nullable: true })
  secretRotatedAt!: Date | null;

  @Column({ name: 'suspended_at', type: 'timestamptz', nullable: true })
  suspendedAt!: Date | null;

  @Column({ name: 'suspended_by', type: 'text', nullable: true })
  suspendedBy!: string | null;

  @Column({ name: 'suspension_reason', type: 'text', nullable: true })
  suspensionReason!: string | null;
}
