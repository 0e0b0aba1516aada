import { Injectable } from '@nestjs/common';
import { AuditLog, GuestOrganisationEntity, hearthContext, TransactionManager } from '@hearth/platform-database';
import { decodeCursor, DEFAULT_PAGE_SIZE, InputProblem, toConnection, type ConnectionShape, type PageArgs } from '@hearth/platform-graphql';
import { GuestOrganisation } from '@hearth/platform-kernel';
import type { GuestOrganisationInviteInput } from './dto/guest-organisation-invite.input';
import { GuestIdentityDirectory } from './guest-identity-directory';
import { GuestOrganisationInvitation, GuestOrganisationNotFound, GuestOrganisationTaken } from './guest-organisation.results';

interface GuestRow {
  id: string;
  slug: string;
  name: string;
  kind: GuestOrganisationEntity['kind'];
  keycloak_organization: string;
  status: 'active' | 'suspended';
  sort_name: string;
}

/**
 * The guest directory's keeping: consortium admins invite councils, health boards and charities,
 * and suspend or reactivate them. The directory is written only in consortium mode (its policy
 * says so); each change is audited. A suspended guest's people are refused at sign-in.
 */
@Injectable()
export class GuestOrganisationsService {
  constructor(
    private readonly transactions: TransactionManager,
    private readonly audit: AuditLog,
    private readonly identity: GuestIdentityDirectory,
  ) {}

  async list(args: PageArgs): Promise<ConnectionShape<GuestOrganisation>> {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const params: unknown[] = [first + 1];
    let after = '';
    if (args.after) {
      const [name, id] = decodeCursor(args.after, 2);
      params.push(String(name), String(id));
      after = 'where (lower(name), id) > ($2, $3::uuid)';
    }
    const rows = await this.transactions.query<GuestRow>(
      `select *, lower(name) as sort_name from hearth.guest_organisation ${after} order by lower(name), id limit $1`,
      params,
    );
    const [{ total }] = await this.transactions.query<{ total: number }>(`select count(*)::int as total from hearth.guest_organisation`);
    const connection = toConnection(rows, args, total, (row) => [row.sort_name, row.id]);
    return { ...connection, edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: toModel(edge.node) })) };
  }

  async invite(input: GuestOrganisationInviteInput): Promise<GuestOrganisationInvitation | GuestOrganisationTaken> {
    const alias = input.keycloakOrganization ?? input.slug;
    const problems = await this.clashes(input.slug, alias);
    if (problems.length) {
      return Object.assign(new GuestOrganisationTaken(), { code: 'GUEST_ORGANISATION_TAKEN', message: problems.map((p) => p.message).join('; '), problems });
    }
    const actor = hearthContext.require().actor!;
    const [row] = await this.transactions.asConsortium(() =>
      this.transactions.query<GuestRow>(
        `insert into hearth.guest_organisation (slug, name, kind, keycloak_organization, invited_by)
         values ($1, $2, $3, $4, $5) returning *`,
        [input.slug, input.name, input.kind, alias, actor.name ?? actor.username ?? actor.id],
      ),
    );
    const guest = toModel(row);
    // Last, so a Keycloak failure rolls the invitation back rather than leaving a guest nobody can sign in as.
    const step = await this.identity.ensureOrganization({ alias, name: input.name, domains: input.domains });
    await this.audit.record({ operation: 'inviteGuestOrganisation', targetType: 'guest_organisation', targetId: guest.id, after: { ...guest, identity: step } });
    return Object.assign(new GuestOrganisationInvitation(), { guestOrganisation: guest, identityOutcome: step.outcome, identityDetail: step.detail });
  }

  async setStatus(id: string, active: boolean): Promise<GuestOrganisation | GuestOrganisationNotFound> {
    const [before] = await this.transactions.query<GuestRow>(`select * from hearth.guest_organisation where id = $1`, [id]);
    if (!before) return Object.assign(new GuestOrganisationNotFound(), { code: 'GUEST_ORGANISATION_NOT_FOUND', message: `There is no guest organisation ${id}` });
    const [row] = await this.transactions.asConsortium(() =>
      this.transactions.query<GuestRow>(
        `with changed as (update hearth.guest_organisation set status = $2, updated_at = now() where id = $1 returning *) select * from changed`,
        [id, active ? 'active' : 'suspended'],
      ),
    );
    const guest = toModel(row);
    await this.audit.record({
      operation: active ? 'reactivateGuestOrganisation' : 'suspendGuestOrganisation',
      targetType: 'guest_organisation',
      targetId: id,
      before: toModel(before),
      after: guest,
    });
    return guest;
  }

  /** Slugs and Keycloak aliases are unique across members and guests, so sign-in is never ambiguous. */
  private async clashes(slug: string, alias: string): Promise<InputProblem[]> {
    const rows = await this.transactions.query<{ kind: string; slug: string; keycloak_organization: string }>(
      `select 'member' as kind, slug, keycloak_organization from hearth.tenant where slug = $1 or keycloak_organization = $2
       union all
       select 'guest organisation', slug, keycloak_organization from hearth.guest_organisation where slug = $1 or keycloak_organization = $2`,
      [slug, alias],
    );
    const problems: InputProblem[] = [];
    for (const row of rows) {
      if (row.slug === slug) problems.push(InputProblem.of('slug', `The ${row.kind} ${row.slug} already has the slug ${slug}`));
      if (row.keycloak_organization === alias) {
        problems.push(InputProblem.of('keycloakOrganization', `The ${row.kind} ${row.slug} already signs in as Keycloak organisation ${alias}`));
      }
    }
    return problems;
  }
}

function toModel(row: GuestRow): GuestOrganisation {
  return GuestOrganisation.from(
    Object.assign(new GuestOrganisationEntity(), { id: row.id, slug: row.slug, name: row.name, kind: row.kind, keycloakOrganization: row.keycloak_organization, status: row.status }),
  );
}
