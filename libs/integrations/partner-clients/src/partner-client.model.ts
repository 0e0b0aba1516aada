import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { enumOf, ErrorResult, InputProblem, resultUnion } from '@hearth/platform-graphql';
import type { PartnerClientEntity } from './partner-client.entity';

export const PartnerClientStatus = enumOf(['active', 'suspended'] as const, {
  name: 'PartnerClientStatus',
  description: 'ACTIVE clients may use the API within their scopes; SUSPENDED ones are refused on every request.',
});

export const PartnerClientIssuer = enumOf(['keycloak', 'local'] as const, {
  name: 'PartnerClientIssuer',
  description: 'KEYCLOAK: the client exists in Keycloak and gets tokens there. LOCAL: recorded in Hearth only (no Keycloak admin credentials are configured).',
});

@ObjectType({ description: "A partner system registered by a member: an OAuth confidential client that acts for this member only, within its scopes." })
export class PartnerClient {
  @Field(() => ID) id!: string;
  @Field({ description: 'The OAuth client id, `<member slug>-<name slug>`: what the partner sends to the token endpoint.' }) clientId!: string;
  @Field() name!: string;
  @Field() description!: string;
  @Field(() => [String], { description: 'OAuth scopes granted (see partnerScopes).' }) scopes!: string[];
  @Field(() => PartnerClientStatus) status!: 'active' | 'suspended';
  @Field(() => Int, { nullable: true, description: "Requests per minute; null means the deployment's default." }) rateLimitPerMinute!: number | null;
  @Field(() => PartnerClientIssuer) issuer!: 'keycloak' | 'local';
  @Field() createdBy!: string;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
  @Field(() => Date, { nullable: true }) secretRotatedAt!: Date | null;
  @Field(() => Date, { nullable: true }) suspendedAt!: Date | null;
  @Field(() => String, { nullable: true }) suspendedBy!: string | null;
  @Field(() => String, { nullable: true }) suspensionReason!: string | null;

  static from(entity: PartnerClientEntity): PartnerClient {
    return Object.assign(new PartnerClient(), {
      id: entity.id,
      clientId: entity.clientId,
      name: entity.name,
      description: entity.description,
      scopes: [...entity.scopes],
      status: entity.status,
      rateLimitPerMinute: entity.rateLimitPerMinute,
      issuer: entity.directory,
      createdBy: entity.createdBy,
      createdAt: entity.createdAt,
      updatedAt: entity.updatedAt,
      secretRotatedAt: entity.secretRotatedAt,
      suspendedAt: entity.suspendedAt,
      suspendedBy: entity.suspendedBy,
      suspensionReason: entity.suspensionReason,
    });
  }
}

@ObjectType({ description: 'A permission of an installed module that a scope opens.' })
export class PartnerScopePermission {
  @Field({ description: 'The module key, e.g. "repairs".' }) module!: string;
  @Field({ description: 'The permission name within the module, e.g. "read".' }) permission!: string;
  @Field() description!: string;
}

@ObjectType({ description: 'An OAuth scope a partner client may be granted, with what it opens.' })
export class PartnerScope {
  @Field({ description: 'e.g. "repairs:read".' }) scope!: string;
  @Field(() => [PartnerScopePermission]) permissions!: PartnerScopePermission[];
}

@ObjectType({ description: 'A client and its secret. The secret is shown this once: Hearth keeps no copy.' })
export class PartnerClientSecret {
  @Field(() => PartnerClient) client!: PartnerClient;
  @Field({ description: 'The client secret for the client-credentials grant. Shown once.' }) clientSecret!: string;
  @Field({ description: 'Where the partner asks for tokens (grant_type=client_credentials).' }) tokenEndpoint!: string;
  @Field(() => String, { nullable: true, description: 'Something the admin must know, e.g. that tokens must come from Keycloak.' }) notice!: string | null;
}

function failure<T extends { code: string; message: string }>(target: T, code: T['code'], message: string, extra: Partial<T> = {}): T {
  return Object.assign(target, { code, message }, extra);
}

@ObjectType({ implements: () => ErrorResult, description: 'The input breaks a rule (an unknown scope, a name already used); nothing changed.' })
export class PartnerClientInvalid implements ErrorResult {
  @Field() code!: 'PARTNER_CLIENT_INVALID';
  @Field() message!: string;
  @Field(() => [InputProblem]) problems!: InputProblem[];

  static of(problems: InputProblem[]): PartnerClientInvalid {
    return failure(new PartnerClientInvalid(), 'PARTNER_CLIENT_INVALID', problems.map((p) => p.message).join('; '), { problems });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'No partner client with that id belongs to this member.' })
export class PartnerClientNotFound implements ErrorResult {
  @Field() code!: 'PARTNER_CLIENT_NOT_FOUND';
  @Field() message!: string;

  static of(id: string): PartnerClientNotFound {
    return failure(new PartnerClientNotFound(), 'PARTNER_CLIENT_NOT_FOUND', `There is no partner client ${id}`);
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'The client is already in the state asked for; nothing changed.' })
export class PartnerClientStatusUnchanged implements ErrorResult {
  @Field() code!: 'PARTNER_CLIENT_ALREADY_SUSPENDED' | 'PARTNER_CLIENT_ALREADY_ACTIVE';
  @Field() message!: string;
  @Field(() => PartnerClientStatus) status!: 'active' | 'suspended';

  static of(client: PartnerClient): PartnerClientStatusUnchanged {
    return client.status === 'suspended'
      ? failure(new PartnerClientStatusUnchanged(), 'PARTNER_CLIENT_ALREADY_SUSPENDED', `${client.clientId} is already suspended`, { status: client.status })
      : failure(new PartnerClientStatusUnchanged(), 'PARTNER_CLIENT_ALREADY_ACTIVE', `${client.clientId} is already active`, { status: client.status });
  }
}

export const RegisterPartnerClientResult = resultUnion('RegisterPartnerClientResult', 'The new client and its secret (shown once), or why it was not registered.', [
  PartnerClientSecret,
  PartnerClientInvalid,
]);
export const RotatePartnerClientSecretResult = resultUnion('RotatePartnerClientSecretResult', 'The new secret (shown once; the old one stops working), or why not.', [
  PartnerClientSecret,
  PartnerClientNotFound,
]);
export const UpdatePartnerClientResult = resultUnion('UpdatePartnerClientResult', 'The client as changed, or why nothing changed.', [
  PartnerClient,
  PartnerClientNotFound,
  PartnerClientInvalid,
]);
export const SuspendPartnerClientResult = resultUnion('SuspendPartnerClientResult', 'The suspended client, or why nothing changed.', [
  PartnerClient,
  PartnerClientNotFound,
  PartnerClientStatusUnchanged,
  PartnerClientInvalid,
]);
export const ReinstatePartnerClientResult = resultUnion('ReinstatePartnerClientResult', 'The reinstated client, or why nothing changed.', [
  PartnerClient,
  PartnerClientNotFound,
  PartnerClientStatusUnchanged,
]);

export type PartnerClientFailure = PartnerClientInvalid | PartnerClientNotFound | PartnerClientStatusUnchanged;
