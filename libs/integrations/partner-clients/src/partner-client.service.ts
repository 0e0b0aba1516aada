import { Injectable } from '@nestjs/common';
import { AuditLog, actorLabel, hearthContext, Outbox, TransactionManager } from '@hearth/platform-database';
import { InputProblem } from '@hearth/platform-graphql';
import { ModuleRegistry } from '@hearth/platform-kernel';
import { PartnerClientEntity } from './partner-client.entity';
import {
  PartnerClient,
  PartnerClientInvalid,
  PartnerClientNotFound,
  PartnerClientSecret,
  PartnerClientStatusUnchanged,
  type PartnerScope,
} from './partner-client.model';
import { PartnerClientDirectory, type IssuedSecret, type PartnerClientSpec } from './partner-client-directory';
import { PartnerClientAccessPolicy } from './partner-client.policy';
import { partnerScopeCatalogue, slugOf } from './partner-scopes';
import { PartnerClientEvent } from './partner-clients.permissions';
import type { RegisterPartnerClientInput, UpdatePartnerClientInput } from './dto/partner-client.input';

interface MemberRow {
  slug: string;
  keycloak_organization: string;
}

/**
 * A member's partner clients. Each change is written with its audit entry (and, for the ones a
 * member may want to hear of, an event) in the request's transaction; the identity provider is
 * told last, so a refused change leaves it untouched, and every directory call is idempotent,
 * so a change that failed after it can simply be made again.
 */
@Injectable()
export class PartnerClientService {
  private catalogue?: PartnerScope[];

  constructor(
    private readonly transactions: TransactionManager,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly registry: ModuleRegistry,
    private readonly directory: PartnerClientDirectory,
    private readonly policy: PartnerClientAccessPolicy,
  ) {}

  scopes(): PartnerScope[] {
    this.catalogue ??= partnerScopeCatalogue(this.registry);
    return this.catalogue;
  }

  async list(): Promise<PartnerClient[]> {
    const repository = await this.transactions.repository(PartnerClientEntity);
    const entities = await repository.find({ order: { createdAt: 'ASC', id: 'ASC' } });
    return entities.map(PartnerClient.from);
  }

  async find(id: string): Promise<PartnerClient | null> {
    const entity = await this.entity(id);
    return entity ? PartnerClient.from(entity) : null;
  }

  async register(input: RegisterPartnerClientInput): Promise<PartnerClientSecret | PartnerClientInvalid> {
    const context = hearthContext.require();
    const member = await this.member();
    const name = input.name.trim();
    const scopes = [...new Set(input.scopes)];
    const nameSlug = slugOf(name);
    const clientId = `${member.slug}-${nameSlug}`;
    const problems = this.scopeProblems(scopes);
    if (!nameSlug) problems.unshift(InputProblem.of('name', 'name must contain letters or digits (it makes the client id)'));
    else if (clientId.length > 120) problems.unshift(InputProblem.of('name', 'name is too long to make a client id'));
    else {
      const [clash] = await this.transactions.query<{ name: string }>(
        `select name from hearth.partner_client where client_id = $1 or lower(name) = lower($2)`,
        [clientId, name],
      );
      if (clash) problems.unshift(InputProblem.of('name', `A partner client named "${clash.name}" already exists (client id ${clientId})`));
    }
    if (problems.length) return PartnerClientInvalid.of(problems);

    const repository = await this.transactions.repository(PartnerClientEntity);
    const entity = await repository.save(
      repository.create({
        tenantId: context.requireTenantId(),
        clientId,
        name,
        description: input.description?.trim() ?? '',
        scopes,
        status: 'active',
        rateLimitPerMinute: input.rateLimitPerMinute ?? null,
        directory: this.directory.kind,
        createdBy: actorLabel(context.actor),
      }),
    );
    const client = PartnerClient.from((await repository.findOneBy({ id: entity.id }))!);
    await this.audit.record({ operation: 'registerPartnerClient', targetType: 'partner_client', targetId: client.id, after: client });
    await this.outbox.publish({
      type: PartnerClientEvent.Registered,
      aggregateType: 'partner_client',
      aggregateId: client.id,
      payload: { id: client.id, clientId, name, scopes },
    });
    const issued = await this.directory.createClient(this.spec(client, member));
    return this.secret(client, issued);
  }

  async update(input: UpdatePartnerClientInput): Promise<PartnerClient | PartnerClientNotFound | PartnerClientInvalid> {
    const entity = await this.entity(input.id, true);
    if (!entity) return PartnerClientNotFound.of(input.id);
    const scopes = input.scopes ? [...new Set(input.scopes)] : undefined;
    const problems = scopes ? this.scopeProblems(scopes) : [];
    if (problems.length) return PartnerClientInvalid.of(problems);
    const before = PartnerClient.from(entity);
    if (scopes) entity.scopes = scopes;
    if (input.rateLimitPerMinute !== undefined) entity.rateLimitPerMinute = input.rateLimitPerMinute;
    if (input.description !== undefined) entity.description = input.description.trim();
    entity.updatedAt = new Date();
    const client = PartnerClient.from(await (await this.transactions.repository(PartnerClientEntity)).save(entity));
    await this.audit.record({ operation: 'updatePartnerClient', targetType: 'partner_client', targetId: client.id, before, after: client });
    this.policy.forget(entity.tenantId, entity.clientId);
    if (scopes || input.description !== undefined) await this.directory.updateClient(this.spec(client, await this.member()));
    return client;
  }

  async suspend(id: string, reason: string): Promise<PartnerClient | PartnerClientNotFound | PartnerClientStatusUnchanged | PartnerClientInvalid> {
    const trimmed = reason.trim();
    if (!trimmed) return PartnerClientInvalid.of([InputProblem.of('reason', 'reason must say why the client is suspended')]);
    if (trimmed.length > 500) return PartnerClientInvalid.of([InputProblem.of('reason', 'reason must be at most 500 characters')]);
    const entity = await this.entity(id, true);
    if (!entity) return PartnerClientNotFound.of(id);
    const before = PartnerClient.from(entity);
    if (entity.status === 'suspended') return PartnerClientStatusUnchanged.of(before);
    const now = new Date();
    Object.assign(entity, {
      status: 'suspended',
      suspendedAt: now,
      suspendedBy: actorLabel(hearthContext.require().actor),
      suspensionReason: trimmed,
      updatedAt: now,
    });
    const client = PartnerClient.from(await (await this.transactions.repository(PartnerClientEntity)).save(entity));
    await this.audit.record({ operation: 'suspendPartnerClient', targetType: 'partner_client', targetId: id, before, after: client });
    await this.outbox.publish({
      type: PartnerClientEvent.Suspended,
      aggregateType: 'partner_client',
      aggregateId: id,
      payload: { id, clientId: client.clientId, reason: trimmed },
    });
    this.policy.forget(entity.tenantId, entity.clientId);
    await this.directory.setEnabled(client.clientId, false);
    return client;
  }

  async reinstate(id: string): Promise<PartnerClient | PartnerClientNotFound | PartnerClientStatusUnchanged> {
    const entity = await this.entity(id, true);
    if (!entity) return PartnerClientNotFound.of(id);
    const before = PartnerClient.from(entity);
    if (entity.status === 'active') return PartnerClientStatusUnchanged.of(before);
    Object.assign(entity, { status: 'active', suspendedAt: null, suspendedBy: null, suspensionReason: null, updatedAt: new Date() });
    const client = PartnerClient.from(await (await this.transactions.repository(PartnerClientEntity)).save(entity));
    await this.audit.record({ operation: 'reinstatePartnerClient', targetType: 'partner_client', targetId: id, before, after: client });
    await this.outbox.publish({
      type: PartnerClientEvent.Reinstated,
      aggregateType: 'partner_client',
      aggregateId: id,
      payload: { id, clientId: client.clientId },
    });
    this.policy.forget(entity.tenantId, entity.clientId);
    await this.directory.setEnabled(client.clientId, true);
    return client;
  }

  async rotateSecret(id: string): Promise<PartnerClientSecret | PartnerClientNotFound> {
    const entity = await this.entity(id, true);
    if (!entity) return PartnerClientNotFound.of(id);
    const before = PartnerClient.from(entity);
    const now = new Date();
    Object.assign(entity, { secretRotatedAt: now, updatedAt: now });
    const client = PartnerClient.from(await (await this.transactions.repository(PartnerClientEntity)).save(entity));
    // The audit entry says that the secret changed, never what it is.
    await this.audit.record({ operation: 'rotatePartnerClientSecret', targetType: 'partner_client', targetId: id, before, after: client });
    return this.secret(client, await this.directory.regenerateSecret(client.clientId));
  }

  private scopeProblems(scopes: readonly string[]): InputProblem[] {
    const known = new Set(this.scopes().map((s) => s.scope));
    return scopes.flatMap((scope, index) =>
      known.has(scope) ? [] : [InputProblem.of(`scopes[${index}]`, `"${scope}" is not a scope any installed module offers (see partnerScopes)`)],
    );
  }

  private async entity(id: string, lock = false): Promise<PartnerClientEntity | null> {
    const repository = await this.transactions.repository(PartnerClientEntity);
    return repository.findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  private async member(): Promise<MemberRow> {
    const [member] = await this.transactions.query<MemberRow>(
      `select slug, keycloak_organization from hearth.tenant where id = $1`,
      [hearthContext.require().requireTenantId()],
    );
    return member;
  }

  private spec(client: PartnerClient, member: MemberRow): PartnerClientSpec {
    return {
      clientId: client.clientId,
      name: client.name,
      description: client.description,
      organization: member.keycloak_organization,
      scopes: client.scopes,
    };
  }

  private secret(client: PartnerClient, issued: IssuedSecret): PartnerClientSecret {
    return Object.assign(new PartnerClientSecret(), {
      client,
      clientSecret: issued.secret,
      tokenEndpoint: this.directory.tokenEndpoint,
      notice: issued.notice,
    });
  }
}
