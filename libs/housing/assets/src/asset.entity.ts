import { Column, Entity, Generated, PrimaryColumn } from 'typeorm';

export const ASSET_KINDS = ['estate', 'block', 'dwelling', 'communal', 'garage'] as const;
export type AssetKindValue = (typeof ASSET_KINDS)[number];

/** Which kinds may contain which: the hierarchy is estate → block → dwelling. */
export const ALLOWED_PARENT_KINDS: Record<AssetKindValue, readonly AssetKindValue[]> = {
  estate: [],
  block: ['estate'],
  dwelling: ['estate', 'block'],
  communal: ['estate', 'block'],
  garage: ['estate', 'block'],
};

export const HEATING_TYPES = ['gas', 'electric', 'district', 'heat_pump', 'oil', 'solid_fuel', 'other', 'none'] as const;
export const ACCESSIBILITY_FEATURES = [
  'level_access', 'step_free_entrance', 'wheelchair_adapted', 'wet_room', 'stairlift',
  'through_floor_lift', 'hoist', 'ramp', 'wide_doors', 'visual_alarm',
] as const;

@Entity({ schema: 'hearth', name: 'asset' })
export class AssetEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ type: 'uuid' }) @Generated('uuid') id!: string;
  @Column({ type: 'text' }) kind!: AssetKindValue;
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId!: string | null;
  @Column({ type: 'text', nullable: true }) name!: string | null;
  @Column({ name: 'address_line_1', type: 'text', nullable: true }) addressLine1!: string | null;
  @Column({ name: 'address_line_2', type: 'text', nullable: true }) addressLine2!: string | null;
  @Column({ type: 'text', nullable: true }) town!: string | null;
  @Column({ type: 'text', nullable: true }) postcode!: string | null;
  /** bigint arrives as a string from pg; UPRNs fit in a JS number but are kept exact as text. */
  @Column({ type: 'bigint', nullable: true }) uprn!: string | null;
  @Column({ type: 'smallint', nullable: true }) bedrooms!: number | null;
  @Column({ type: 'smallint', nullable: true }) floor!: number | null;
  @Column({ name: 'built_year', type: 'smallint', nullable: true }) builtYear!: number | null;
  @Column({ type: 'text', nullable: true }) heating!: (typeof HEATING_TYPES)[number] | null;
  @Column({ name: 'lift_access', type: 'boolean', nullable: true }) liftAccess!: boolean | null;
  @Column({ type: 'text', array: true, default: () => `'{}'` }) accessibility!: (typeof ACCESSIBILITY_FEATURES)[number][];
  @Column({ type: 'text', nullable: true }) patch!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}

@Entity({ schema: 'hearth', name: 'asset_reference' })
export class AssetReferenceEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ type: 'text' }) system!: string;
  @PrimaryColumn({ type: 'text' }) reference!: string;
  @Column({ name: 'asset_id', type: 'uuid' }) assetId!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
}
