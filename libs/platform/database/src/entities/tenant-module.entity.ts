import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Which modules a member has switched on, with the settings it chose for each. */
@Entity({ schema: 'hearth', name: 'tenant_module' })
export class TenantModuleEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn({ name: 'module_key', type: 'text' })
  moduleKey!: string;

  @Column({ type: 'boolean' })
  enabled!: boolean;

  /** Kept when a module is switched off, so switching it back on loses nothing. */
  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` })
  settings!: Record<string, unknown>;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
