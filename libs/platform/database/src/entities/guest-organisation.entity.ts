import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const GUEST_ORGANISATION_KINDS = ['council', 'health_board', 'charity', 'other'] as const;
export type GuestOrganisationKind = (typeof GUEST_ORGANISATION_KINDS)[number];

/**
 * An organisation invited to use the consortium's shared spaces and events without being a
 * member: readable by everyone, written only through the consortium policy.
 */
@Entity({ schema: 'hearth', name: 'guest_organisation' })
export class GuestOrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  slug!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: GuestOrganisationKind;

  @Column({ name: 'keycloak_organization', type: 'text' })
  keycloakOrganization!: string;

  @Column({ type: 'text', default: 'active' })
  status!: 'active' | 'suspended';

  @Column({ name: 'invited_by', type: 'text' })
  invitedBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
