import { Column, Entity, Generated, PrimaryColumn } from 'typeorm';

export const TENURE_TYPES = [
  'secure', 'assured', 'assured_shorthold', 'starter', 'introductory', 'non_secure', 'leasehold',
  'shared_ownership', 'licence', 'temporary', 'scottish_secure', 'short_scottish_secure',
  'secure_contract', 'standard_contract',
] as const;
export type TenureType = (typeof TENURE_TYPES)[number];

/** HACT person alert codes and what others are shown instead of the private note. */
export const PERSON_ALERT_CODES = {
  '10': "Don't visit alone",
  '20-10': 'Hearing difficulties',
  '20-50': 'Wheelchair user',
  '20-70': 'Safeguarding',
  '40': 'Language support needed',
  '50': 'Operative gender preference',
  '60': 'Capacity',
} as const;
export type PersonAlertCode = keyof typeof PERSON_ALERT_CODES;

// The value lists below mirror the CHECK constraints of the migration; keep them together.
export const COMMUNICATION_NEEDS = [
  'large_print', 'braille', 'audio', 'easy_read', 'bsl_interpreter', 'language_interpreter',
  'text_relay', 'hearing_loop', 'written_only',
] as const;
export type CommunicationNeedValue = (typeof COMMUNICATION_NEEDS)[number];

export const PARTY_ROLES = ['tenant', 'household_member'] as const;
export type PartyRoleValue = (typeof PARTY_ROLES)[number];

export const RELATIONSHIPS = ['partner', 'child', 'parent', 'sibling', 'relative', 'carer', 'lodger', 'other'] as const;
export type RelationshipValue = (typeof RELATIONSHIPS)[number];

export const TENANCY_END_REASONS = [
  'notice', 'death', 'eviction', 'transfer', 'mutual_exchange', 'abandonment', 'succession', 'other',
] as const;
export type TenancyEndReasonValue = (typeof TENANCY_END_REASONS)[number];

export const TENANCY_EVENT_KINDS = ['started', 'ended', 'succession', 'mutual_exchange', 'party_joined', 'party_left'] as const;
export type TenancyEventKindValue = (typeof TENANCY_EVENT_KINDS)[number];

@Entity({ schema: 'hearth', name: 'person' })
export class PersonEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ type: 'uuid' }) @Generated('uuid') id!: string;
  @Column({ type: 'text', nullable: true }) title!: string | null;
  @Column({ name: 'given_name', type: 'text' }) givenName!: string;
  @Column({ name: 'family_name', type: 'text' }) familyName!: string;
  @Column({ name: 'date_of_birth', type: 'date', nullable: true }) dateOfBirth!: string | null;
  @Column({ type: 'text', nullable: true }) email!: string | null;
  @Column({ type: 'text', nullable: true }) phone!: string | null;
  @Column({ name: 'preferred_language', type: 'text', default: 'en' }) preferredLanguage!: 'en' | 'cy';
  @Column({ name: 'communication_needs', type: 'text', array: true, default: () => `'{}'` }) communicationNeeds!: CommunicationNeedValue[];
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}

@Entity({ schema: 'hearth', name: 'person_reference' })
export class PersonReferenceEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ type: 'text' }) system!: string;
  @PrimaryColumn({ type: 'text' }) reference!: string;
  @Column({ name: 'person_id', type: 'uuid' }) personId!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
}

@Entity({ schema: 'hearth', name: 'person_alert' })
export class PersonAlertEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ type: 'uuid' }) @Generated('uuid') id!: string;
  @Column({ name: 'person_id', type: 'uuid' }) personId!: string;
  @Column({ type: 'text' }) code!: PersonAlertCode;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ name: 'raised_on', type: 'date' }) raisedOn!: string;
  @Column({ name: 'ended_on', type: 'date', nullable: true }) endedOn!: string | null;
  @Column({ name: 'raised_by', type: 'text' }) raisedBy!: string;
}

@Entity({ schema: 'hearth', name: 'tenancy' })
export class TenancyEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ type: 'uuid' }) @Generated('uuid') id!: string;
  @Column({ name: 'dwelling_id', type: 'uuid' }) dwellingId!: string;
  @Column({ name: 'tenure_type', type: 'text' }) tenureType!: TenureType;
  @Column({ name: 'start_date', type: 'date' }) startDate!: string;
  @Column({ name: 'end_date', type: 'date', nullable: true }) endDate!: string | null;
  @Column({ name: 'end_reason', type: 'text', nullable: true }) endReason!: TenancyEndReasonValue | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}

@Entity({ schema: 'hearth', name: 'tenancy_reference' })
export class TenancyReferenceEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ type: 'text' }) system!: string;
  @PrimaryColumn({ type: 'text' }) reference!: string;
  @Column({ name: 'tenancy_id', type: 'uuid' }) tenancyId!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
}

@Entity({ schema: 'hearth', name: 'tenancy_party' })
export class TenancyPartyEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ name: 'tenancy_id', type: 'uuid' }) tenancyId!: string;
  @PrimaryColumn({ name: 'person_id', type: 'uuid' }) personId!: string;
  @Column({ type: 'text' }) role!: PartyRoleValue;
  @Column({ type: 'text', nullable: true }) relationship!: RelationshipValue | null;
  @Column({ name: 'joined_on', type: 'date', nullable: true }) joinedOn!: string | null;
  @Column({ name: 'left_on', type: 'date', nullable: true }) leftOn!: string | null;
}

@Entity({ schema: 'hearth', name: 'tenancy_event' })
export class TenancyEventEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ type: 'uuid' }) @Generated('uuid') id!: string;
  @Column({ name: 'tenancy_id', type: 'uuid' }) tenancyId!: string;
  @Column({ type: 'text' }) kind!: TenancyEventKindValue;
  @Column({ name: 'occurred_on', type: 'date' }) occurredOn!: string;
  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` }) details!: Record<string, unknown>;
  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' }) recordedAt!: Date;
  @Column({ name: 'recorded_by', type: 'text' }) recordedBy!: string;
}
