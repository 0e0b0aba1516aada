import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { HearthError } from '@hearth/platform-core';
import { APP_DATA_SOURCE, type Actor } from '@hearth/platform-database';
import { Role } from './access.decorators';

/** The request header with which a consortium admin (or a multi-organisation user) names a member. */
export const ACT_FOR_HEADER = 'x-hearth-act-for';

export interface MemberBinding {
  tenantId?: string;
  /** Set instead of tenantId when the token's organisation is an invited guest, not a member. */
  guestOrganisationId?: string;
  /** True when a consortium admin acts for a member that is not their own organisation. */
  actingFor: boolean;
}

interface MemberRow {
  id: string;
  slug: string;
  keycloak_organization: string;
  status: string;
}

/**
 * Decides which member a request works for. The token's organization claim names it; a
 * consortium admin may name any member, but only explicitly, with the act-for header; nobody
 * else may name a member their token does not carry. An organisation that is not a member but an
 * invited guest (a council, a health board) binds as that guest, never as a member.
 */
@Injectable()
export class MemberResolution {
  constructor(@Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource) {}

  async bind(actor: Actor, actFor: string | undefined): Promise<MemberBinding> {
    if (actFor) {
      const member = await this.find('slug', actFor);
      if (!member) throw new HearthError('UNKNOWN_MEMBER', `There is no member "${actFor}"`);
      const own = actor.organizations.includes(member.keycloak_organization);
      if (!own && !actor.roles.includes(Role.ConsortiumAdmin)) {
        throw new HearthError(
          'FORBIDDEN',
          `This token is not for member "${actFor}"; only a consortium admin may act for another member`,
        );
      }
      this.assertActive(member);
      return { tenantId: member.id, actingFor: !own };
    }
    if (actor.organizations.length === 1) {
      const member = await this.find('keycloak_organization', actor.organizations[0]);
      if (!member) return this.bindGuest(actor.organizations[0]);
      this.assertActive(member);
      return { tenantId: member.id, actingFor: false };
    }
    if (actor.kind === 'partner') {
      throw new HearthError('FORBIDDEN', 'A partner token must name exactly one member organisation');
    }
    // No organisation (a consortium admin) or several: member work will ask for a choice.
    return { actingFor: false };
  }

  private async bindGuest(organization: string): Promise<MemberBinding> {
    const guest = await this.find('keycloak_organization', organization, 'guest_organisation');
    if (!guest) throw new HearthError('FORBIDDEN', `Organisation "${organization}" is not a Hearth member or guest`);
    this.assertActive(guest, 'Guest organisation');
    return { guestOrganisationId: guest.id, actingFor: false };
  }

  private async find(
    column: 'slug' | 'keycloak_organization',
    value: string,
    directory: 'tenant' | 'guest_organisation' = 'tenant',
  ): Promise<MemberRow | undefined> {
    const rows: MemberRow[] = await this.dataSource.query(
      `select id, slug, keycloak_organization, status from hearth.${directory} where ${column} = $1`,
      [value],
    );
    return rows[0];
  }

  private assertActive(organisation: MemberRow, kind = 'Member'): void {
    if (organisation.status !== 'active') {
      throw new HearthError('FORBIDDEN', `${kind} "${organisation.slug}" is suspended`);
    }
  }
}
