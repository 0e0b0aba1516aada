import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const COUNTRIES = ['england', 'wales', 'scotland', 'northern_ireland'] as const;
export type Country = (typeof COUNTRIES)[number];
export const LANGUAGES = ['en', 'cy'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The member registry: one row per member association. It is the consortium's shared
 * directory, readable by every member; writes pass only through the consortium policy.
 */
@Entity({ schema: 'hearth', name: 'tenant' })
export class TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  slug!: string;

  @Column({ type: 'text' })
  name!: string;

  /** The member's name in Welsh, where it has one. */
  @Column({ name: 'name_cy', type: 'text', nullable: true })
  nameCy!: string | null;

  @Column({ name: 'registration_number', type: 'text' })
  registrationNumber!: string;

  @Column({ type: 'text' })
  country!: Country;

  /** The member's languages, its default first. */
  @Column({ type: 'text', array: true })
  languages!: Language[];

  @Column({ name: 'keycloak_organization', type: 'text' })
  keycloakOrganization!: string;

  @Column({ type: 'text', default: 'active' })
  status!: 'active' | 'suspended';

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
